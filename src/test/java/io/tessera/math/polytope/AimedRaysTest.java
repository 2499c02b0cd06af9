package io.tessera.math.polytope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TestModels;
import io.tessera.math.MlpWeights;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Aimed rays are only proposals, but a proposal for row k must be a ray that meets row k first. */
class AimedRaysTest {
  @Test
  void everyAimedRayMeetsItsRowFirstAndReachesFacetsTheNormalsMiss() {
    int[] widths = {40, 60, 60, 60, 4};
    MlpWeights net = TestModels.random(91, widths);
    double[] x = new Random(92).doubles(widths[0], -1, 1).toArray();
    Polytope p = Polytope.of(net, net.pattern(x));
    double[] z = ChebyshevBall.capped(p.a(), p.c(), 1e3).centre(); // capped: the region may be unbounded
    double[] slack = new double[p.rows()];
    for (int j = 0; j < p.rows(); j++) {
      slack[j] = p.c()[j] - RowSpace.dot(p.a()[j], z);
      assertTrue(slack[j] > 0);
    }
    AimedRays aimer = AimedRays.from(p.a(), p.c(), slack);
    int[] facets = Facets.referenceLp(p);
    int aimed = 0;
    int normals = 0;
    for (int k = 0; k < p.rows(); k++) {
      double[] d = aimer.direction(k);
      if (d != null) {
        assertEquals(k, firstRowMet(p, slack, d), "row " + k);
        assertTrue(Arrays.binarySearch(facets, k) >= 0, "a ray can only meet a facet first: row " + k);
        aimed++;
      }
      if (firstRowMet(p, slack, p.a()[k]) == k) {
        normals++;
      }
    }
    assertTrue(aimed > 2 * normals, aimed + " aimed rays against " + normals + " normals");
    assertTrue(aimed >= 0.7 * facets.length, aimed + " of " + facets.length + " facets reached by aimed rays");
  }

  /** The row that the ray z + t d meets first, by brute force over every row. */
  private static int firstRowMet(Polytope p, double[] slack, double[] d) {
    int first = -1;
    double best = Double.POSITIVE_INFINITY;
    for (int j = 0; j < p.rows(); j++) {
      double rate = RowSpace.dot(p.a()[j], d);
      if (rate > 0 && slack[j] / rate < best) {
        best = slack[j] / rate;
        first = j;
      }
    }
    return first;
  }
}
