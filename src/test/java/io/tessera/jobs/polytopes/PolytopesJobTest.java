package io.tessera.jobs.polytopes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.tessera.JobFixtures;
import io.tessera.TestSpark;
import io.tessera.config.ConfigLoader;
import io.tessera.jobs.JobRegistry;
import io.tessera.math.BitPatterns;
import io.tessera.math.MlpWeights;
import io.tessera.math.polytope.Facets;
import io.tessera.math.polytope.Polytope;
import io.tessera.model.classifier.TesseraModelFormat;
import io.tessera.run.JobRun;
import io.tessera.run.lifecycle.FaultInjection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolytopesJobTest {
  @TempDir static Path tmp;
  static String input;
  static String model;
  static MlpWeights weights;
  static Map<Long, double[]> features;

  @BeforeAll
  static void fixtures() {
    input = JobFixtures.xorDataset(tmp, 300);
    model = JobFixtures.tinyModel(tmp);
    weights = TesseraModelFormat.load(Path.of(model), Device.cpu()).weights();
    features = JobFixtures.featuresById(input);
  }

  @Test
  void everyRegionMatchesTheReferenceGeometry() {
    String out = tmp.resolve("boxed").toString();
    JobRegistry.run(TestSpark.get(),
        ConfigLoader.of(PolytopesConfig.class, "input", input, "model", model, "output", out, "samples_per_split", 15, "seed", 3L, "box", List.of(-2.0, 2.0), "partitions", 3, "device", "cpu", "run_id", "poly", "quarantine", false));
    assertEquals(List.of("input row", 30L, 30L, 0L, 30L), JobFixtures.runCounts(out, "poly"), "15 samples chosen from each of train and test");
    List<Row> rows = TestSpark.get().read().parquet(out + "/" + PolytopesJob.TABLE).collectAsList();
    for (Row row : rows) {
      long id = row.getAs("sample_id");
      double[] x = features.get(id);
      Polytope p = Polytope.of(weights, weights.pattern(x));
      int[] active = row.getList(row.fieldIndex("active_bits")).stream().mapToInt(v -> (Integer) v).toArray();
      assertArrayEquals(Facets.referenceLp(p), active, "sample " + id);
      assertEquals(active.length, row.<Integer>getAs("num_active"));
      assertEquals(weights.hiddenUnits(), row.<Integer>getAs("constraints"));
      // The nearest hyperplane of any row is a facet's: redundant rows lie outside the region.
      double[] slack = p.slack(x);
      double nearest = Double.POSITIVE_INFINITY;
      for (int k = 0; k < p.rows(); k++) {
        nearest = Math.min(nearest, slack[k] / Math.sqrt(java.util.Arrays.stream(p.a()[k]).map(v -> v * v).sum()));
      }
      assertEquals(nearest, row.<Double>getAs("facet_distance"), 1e-12, "sample " + id);
      double radius = row.getAs("chebyshev_radius");
      assertTrue(radius >= row.<Double>getAs("facet_distance") - 1e-9 && radius <= 2.0 + 1e-9,
          "the ball is at least as large as the one around the sample, and fits the box: " + radius);
      assertTrue(Double.isFinite(row.<Double>getAs("chebyshev_centre_norm")));
      long[][] bits = new long[weights.layers() - 1][];
      var z = weights.evaluate(x).preActivations();
      for (int l = 0; l < bits.length; l++) {
        bits[l] = BitPatterns.packPositive(z[l], 0, z[l].length);
      }
      assertEquals(BitPatterns.hash(bits, weights.hiddenWidths()), row.<Long>getAs("pattern_hash"));
    }
    List<Row> summary = TestSpark.get().read().parquet(out + "/" + PolytopesJob.SUMMARY).orderBy("split").collectAsList();
    assertEquals(2, summary.size());
    for (Row s : summary) {
      String split = s.getAs("split");
      double mean = rows.stream().filter(r -> split.equals(r.getAs("split"))).mapToInt(r -> r.<Integer>getAs("num_active")).average().orElseThrow();
      assertEquals(15L, s.<Long>getAs("samples"));
      assertEquals(mean, s.<Double>getAs("mean_active"), 1e-12);
      assertEquals(0L, s.<Long>getAs("unbounded_balls"), "a box bounds every ball");
    }
  }

  @Test
  void theSampleChoiceIsSeededAndIndependentOfPartitioningAndUnboundedBallsAreCounted() {
    String a = tmp.resolve("a").toString();
    String b = tmp.resolve("b").toString();
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(PolytopesConfig.class, "input", input, "model", model, "output", a, "samples_per_split", 5, "seed", 9L, "partitions", 1, "device", "cpu", "run_id", "p1", "quarantine", false, "splits", List.of("train")));
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(PolytopesConfig.class, "input", input, "model", model, "output", b, "samples_per_split", 5, "seed", 9L, "partitions", 4, "device", "cpu", "run_id", "p2", "quarantine", false, "splits", List.of("train")));
    Set<Long> first = ids(a);
    assertEquals(5, first.size());
    assertEquals(first, ids(b));
    Row summary = TestSpark.get().read().parquet(a + "/" + PolytopesJob.SUMMARY).first();
    // Without a box, the reference LP tells which of the chosen samples' regions hold arbitrarily large balls.
    long infinite = first.stream().filter(id -> Double.isInfinite(
        io.tessera.math.polytope.ChebyshevBall.of(Polytope.of(weights, weights.pattern(features.get(id))), null, null).radius())).count();
    assertTrue(infinite > 0, "some chosen regions are unbounded, so the count is exercised");
    assertEquals(infinite, summary.<Long>getAs("unbounded_balls"));
  }

  @Test
  void withoutFacetsEveryOtherColumnIsTheSame() {
    String full = tmp.resolve("full").toString();
    String ball = tmp.resolve("ball-only").toString();
    for (String out : List.of(full, ball)) {
      JobRegistry.run(TestSpark.get(), ConfigLoader.of(PolytopesConfig.class, "input", input, "model", model, "output", out, "samples_per_split", 8,
          "seed", 4L, "box", List.of(-2.0, 2.0), "facets", out.equals(full), "device", "cpu", "run_id", "r", "quarantine", false));
    }
    Map<Long, Row> withFacets = TestSpark.get().read().parquet(full + "/" + PolytopesJob.TABLE).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<Long>getAs("sample_id"), r -> r));
    List<Row> rows = TestSpark.get().read().parquet(ball + "/" + PolytopesJob.TABLE).collectAsList();
    assertEquals(16, rows.size());
    for (Row row : rows) {
      Row reference = withFacets.get(row.<Long>getAs("sample_id"));
      assertTrue(row.isNullAt(row.fieldIndex("active_bits")) && row.isNullAt(row.fieldIndex("num_active")));
      for (String column : List.of("pattern_hash", "constraints", "chebyshev_radius", "chebyshev_centre_norm", "facet_distance", "margin")) {
        assertEquals((Object) reference.getAs(column), row.getAs(column), column + " of sample " + row.getAs("sample_id"));
      }
    }
    Row summary = TestSpark.get().read().parquet(ball + "/" + PolytopesJob.SUMMARY).first();
    assertTrue(summary.isNullAt(summary.fieldIndex("mean_active")), "no facet statistics without facets");
  }

  private static Set<Long> ids(String out) {
    return TestSpark.get().read().parquet(out + "/" + PolytopesJob.TABLE).collectAsList().stream()
        .map(r -> r.<Long>getAs("sample_id")).collect(Collectors.toSet());
  }

  /** One sample made slow (3 s) under a 1.5 s limit: it alone goes to _rejects with the time spent; the rest are published. */
  @Test
  void aSamplePastTheTimeLimitIsRejectedAndTheOthersComplete() {
    String out = tmp.resolve("limited").toString();
    long slow = features.keySet().stream().sorted().skip(7).findFirst().orElseThrow();
    System.setProperty(FaultInjection.SLOW_SAMPLE, slow + ":3000");
    JobRun.Result result;
    try {
      result = JobRegistry.run(TestSpark.get(), ConfigLoader.of(PolytopesConfig.class, "input", input, "model", model, "output", out,
          "ids", features.keySet().stream().sorted().limit(20).toList(), "max_seconds_per_sample", 1.5, "device", "cpu", "run_id", "limited"));
    } finally {
      System.clearProperty(FaultInjection.SLOW_SAMPLE);
    }
    assertEquals(List.of(20L, 19L, 1L), List.of(result.counts().rowsIn(), result.counts().rowsOut(), result.counts().rowsRejected()));
    assertEquals(List.of("input row", 20L, 19L, 1L, 19L), JobFixtures.runCounts(out, "limited"));
    List<Row> published = TestSpark.get().read().parquet(out + "/" + PolytopesJob.TABLE).collectAsList();
    assertEquals(19, published.size());
    assertTrue(published.stream().noneMatch(r -> r.<Long>getAs("sample_id") == slow));
    assertTrue(published.stream().allMatch(r -> r.getAs("active_bits") != null && r.<Double>getAs("seconds") < 1.5));
    List<Row> rejects = TestSpark.get().read().parquet(out + "/_rejects").collectAsList();
    assertEquals(1, rejects.size());
    assertEquals(slow, rejects.get(0).<Long>getAs("sample_id"));
    String reason = rejects.get(0).getAs("reason");
    assertTrue(reason.matches("time limit: [0-9.]+ s spent, max_seconds_per_sample is 1.5"), reason);
    double spent = Double.parseDouble(reason.replaceAll("time limit: ([0-9.]+) s.*", "$1"));
    assertTrue(spent >= 3.0 && spent < 10, "the sleep and at most one check after it: " + spent);
  }
}
