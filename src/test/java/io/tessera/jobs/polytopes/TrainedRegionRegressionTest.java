package io.tessera.jobs.polytopes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.Device;
import io.tessera.math.MlpWeights;
import io.tessera.math.polytope.FacetSearch;
import io.tessera.math.polytope.FacetProgress;
import io.tessera.math.polytope.Facets;
import io.tessera.math.polytope.Polytope;
import io.tessera.model.classifier.TesseraModelFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Regions of trained networks that once broke the facet computation (src/test/resources/regressions). */
class TrainedRegionRegressionTest {
  @Test
  void aRegionWhoseWarmStartedLpEndedAbnormalGetsTheReferenceFacets() throws Exception {
    Path dir = Path.of("src/test/resources/regressions/glop-abnormal");
    MlpWeights weights = TesseraModelFormat.load(dir, Device.cpu()).weights();
    double[] x = Files.readAllLines(dir.resolve("sample-6828.txt")).stream().mapToDouble(Double::parseDouble).toArray();
    Polytope region = Polytope.of(weights, weights.pattern(x));
    // The per-row LP reference (eq. 6) decides all 450 rows in fresh models, independently of FacetSearch's.
    assertArrayEquals(Facets.referenceLp(region), FacetSearch.find(region, null, FacetProgress.NONE));
  }
}
