package io.tessera.jobs.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.ConfigException;
import io.tessera.InputException;
import io.tessera.JobFixtures;
import io.tessera.SchemaShapes;
import io.tessera.TestSpark;
import io.tessera.config.ConfigLoader;
import io.tessera.data.DatasetIO;
import io.tessera.data.LabeledPoints;
import io.tessera.data.Splits;
import io.tessera.data.SyntheticDatasets;
import io.tessera.jobs.JobRegistry;
import io.tessera.tables.TableSchema;
import io.tessera.math.MeanInterval;
import io.tessera.math.metrics.PooledTTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleMetricsJobTest {
  @TempDir static Path tmp;
  private static final double[] SHIFT = {0.3, -0.4, 1.2};

  @Test
  void aTranslatedCopyScoresItsShiftAndTheSummaryTestsAgainstTheBaseline() {
    String data = rollDataset("torus", new double[3]);
    String moved = rollDataset("torus-moved", SHIFT);
    String out = tmp.resolve("out").toString();
    Map<String, Object> comparisons = Map.of(
        "truth", Map.of("real", Map.of("generate", "sphere"), "fake", Map.of("generate", "sphere")),
        "shifted", Map.of("real", Map.of("dataset", data), "fake", Map.of("dataset", moved)));
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(SampleMetricsConfig.class, "output", out, "comparisons", comparisons,
        "sample_size", 150, "repeats", 3, "diagram_points", 150, "baseline", "truth", "seed", 3L, "partitions", 2, "run_id", "m1"));
    assertEquals(List.of("sample pair", 6L, 6L, 0L, 6L), JobFixtures.runCounts(out, "m1"), "two comparisons, three draws each");

    List<Row> rows = TestSpark.get().read().parquet(out + "/" + SampleMetricsJob.TABLE).collectAsList();
    double norm = Math.sqrt(SHIFT[0] * SHIFT[0] + SHIFT[1] * SHIFT[1] + SHIFT[2] * SHIFT[2]);
    // The datasets hold float32: the exact translate of what was stored pairs each id with itself.
    Map<Long, double[]> a = JobFixtures.featuresById(data);
    Map<Long, double[]> b = JobFixtures.featuresById(moved);
    double stored = Math.sqrt(a.keySet().stream().mapToDouble(id -> io.tessera.math.Points.squaredDistance(a.get(id), b.get(id))).average().orElseThrow());
    assertEquals(norm, stored, 1e-6);
    for (Row r : rows.stream().filter(r -> r.getAs("comparison").equals("shifted")).toList()) {
      // Every draw takes all 150 rows of each side, in different orders: the whole set against its translate.
      assertEquals(stored, r.<Double>getAs("w2"), 1e-12, "W2(X, X + c) = |c|");
      assertEquals(norm * norm, r.<Double>getAs("fd"), 1e-6, "same covariance: FD = |mean shift|^2");
      assertEquals(0, r.<Double>getAs("knn_spectral"), 1e-8, "a translate has the same k-NN graph");
      // W1 sums ~150 H0 points, each off by the float32 rounding of the stored coordinates (~1e-7).
      assertEquals(0, r.<Double>getAs("diagram_w1_h0"), 1e-5, "and the same diagrams");
      assertEquals(0, r.<Double>getAs("diagram_w2_h1"), 1e-6);
    }
    for (Row r : rows.stream().filter(r -> r.getAs("comparison").equals("truth")).toList()) {
      assertTrue(r.<Double>getAs("w2") > 0 && r.<Double>getAs("w2") < 0.5, "two draws of the sphere: " + r.getAs("w2"));
      assertTrue(Math.abs(r.<Double>getAs("graph_divergence_z")) < 4, "two draws of one law mix: z = " + r.getAs("graph_divergence_z"));
    }

    List<Row> summary = TestSpark.get().read().parquet(out + "/" + SampleMetricsJob.SUMMARY).collectAsList();
    assertEquals(2 * 14, summary.size(), "14 metric columns per comparison");
    double[] truthW2 = w2(rows, "truth");
    double[] shiftedW2 = w2(rows, "shifted");
    Row truth = row(summary, "truth", "w2");
    assertEquals(MeanInterval.of95(truthW2).mean(), truth.<Double>getAs("mean"), 1e-12);
    assertEquals(MeanInterval.of95(truthW2).high(), truth.<Double>getAs("ci_high"), 1e-12);
    assertNull(truth.getAs("p_vs_baseline"), "the baseline is not tested against itself");
    Row shifted = row(summary, "shifted", "w2");
    assertEquals("truth", shifted.getAs("baseline"));
    assertEquals(PooledTTest.pValue(truthW2, shiftedW2), shifted.<Double>getAs("p_vs_baseline"), 1e-12);
    assertTrue(shifted.<Double>getAs("p_vs_baseline") < 1e-3, "a shift of 1.3 stands out from sampling noise");
    for (String table : List.of(SampleMetricsJob.TABLE, SampleMetricsJob.SUMMARY)) {
      assertEquals(SchemaShapes.of(TableSchema.load(table).schema()), SchemaShapes.of(TestSpark.get().read().parquet(out + "/" + table).schema()),
          table + " as written");
    }
  }

  @Test
  void fdAndPrdcGoThroughAClassifiersFeaturesWhenOneIsGiven() {
    String data = JobFixtures.xorDataset(tmp, 400);
    String model = JobFixtures.tinyModel(tmp);
    String out = tmp.resolve("features").toString();
    Map<String, Object> comparisons = Map.of("xor", Map.of("real", Map.of("dataset", data, "splits", List.of("train")),
        "fake", Map.of("dataset", data, "splits", List.of("test"))));
    SampleMetricsConfig cfg = ConfigLoader.of(SampleMetricsConfig.class, "output", out, "comparisons", comparisons, "sample_size", 80,
        "repeats", 2, "metrics", List.of("fd", "prdc"), "feature_model", model, "device", "cpu", "seed", 6L, "run_id", "f1");
    JobRegistry.run(TestSpark.get(), cfg);
    Row r = TestSpark.get().read().parquet(out + "/" + SampleMetricsJob.TABLE).where("repeat = 0").first();
    assertEquals(model, r.getAs("feature_space"));
    assertNull(r.getAs("w2"), "not asked for");
    // The same draws, embedded outside Spark by the classifier's own feature encoder.
    Comparison xor = cfg.comparisons().get("xor");
    double[][] real = PointClouds.draw(xor.real(), PointClouds.load(TestSpark.get(), xor.real()), 80,
        SampleMetricsPartition.drawSeed(6L, "xor", "real", 0));
    double[][] fake = PointClouds.draw(xor.fake(), PointClouds.load(TestSpark.get(), xor.fake()), 80,
        SampleMetricsPartition.drawSeed(6L, "xor", "fake", 0));
    var encoder = io.tessera.run.ModelRef.of(TestSpark.get(), model, io.tessera.model.DevicePolicy.CPU);
    double[][] realFeatures = SampleMetricsPartition.embedded(real, encoder);
    assertEquals(8, realFeatures[0].length, "the tiny classifier's last hidden layer (12, 8)");
    assertEquals(io.tessera.math.metrics.FrechetDistance.of(realFeatures, SampleMetricsPartition.embedded(fake, encoder)),
        r.<Double>getAs("fd"), 1e-9);

    InputException dims = assertThrows(InputException.class, () -> JobRegistry.run(TestSpark.get(), ConfigLoader.of(SampleMetricsConfig.class,
        "output", out, "comparisons", Map.of("s", Map.of("real", Map.of("generate", "sphere"), "fake", Map.of("generate", "sphere"))),
        "sample_size", 20, "repeats", 2, "diagram_points", 10, "feature_model", model, "run_id", "f2")));
    assertTrue(dims.getMessage().contains("takes inputs of 2 values; comparison 's' has points of 3"), dims.getMessage());
  }

  @Test
  void refusesMismatchedSamplesAndBadSettingsAndPublishesNothing() {
    String out = tmp.resolve("bad").toString();
    InputException dims = assertThrows(InputException.class, () -> JobRegistry.run(TestSpark.get(), ConfigLoader.of(SampleMetricsConfig.class,
        "output", out, "comparisons", Map.of("c", Map.of("real", Map.of("generate", "sphere"), "fake", Map.of("generate", "clifford-torus"))),
        "sample_size", 20, "repeats", 2, "diagram_points", 10, "run_id", "b1")));
    assertTrue(dims.getMessage().contains("have 3 coordinates and the fake ones (generate clifford-torus) 4"), dims.getMessage());
    String small = rollDataset("small", new double[3]);
    InputException size = assertThrows(InputException.class, () -> JobRegistry.run(TestSpark.get(), ConfigLoader.of(SampleMetricsConfig.class,
        "output", out, "comparisons", Map.of("c", Map.of("real", Map.of("dataset", small), "fake", Map.of("generate", "sphere"))),
        "sample_size", 400, "repeats", 2, "run_id", "b2")));
    assertTrue(size.getMessage().contains("asks for 400 points but dataset " + small + " holds 150"), size.getMessage());
    assertFalse(Files.exists(Path.of(out, SampleMetricsJob.TABLE)), "nothing published");

    Map<String, Object> one = Map.of("c", Map.of("real", Map.of("generate", "sphere"), "fake", Map.of("generate", "sphere")));
    ConfigException metric = assertThrows(ConfigException.class, () -> ConfigLoader.of(SampleMetricsConfig.class, "output", out,
        "comparisons", one, "metrics", List.of("w2", "fid")));
    assertTrue(metric.getMessage().contains("unknown sample metric 'fid'"), metric.getMessage());
    ConfigException baseline = assertThrows(ConfigException.class, () -> ConfigLoader.of(SampleMetricsConfig.class, "output", out,
        "comparisons", one, "baseline", "ground-truth"));
    assertTrue(baseline.getMessage().contains("baseline 'ground-truth' is not one of the comparisons"), baseline.getMessage());
  }

  private static double[] w2(List<Row> rows, String comparison) {
    return rows.stream().filter(r -> r.getAs("comparison").equals(comparison)).mapToDouble(r -> r.<Double>getAs("w2")).toArray();
  }

  private static Row row(List<Row> summary, String comparison, String metric) {
    return summary.stream().filter(r -> r.getAs("comparison").equals(comparison) && r.getAs("metric").equals(metric)).findFirst().orElseThrow();
  }

  /** 150 seeded points of the 3-D Swiss roll, scaled to unit size and moved by {@code shift}; the same ids and points up to the shift. */
  private static String rollDataset(String name, double[] shift) {
    float[][] x = SyntheticDatasets.generate(SyntheticDatasets.Kind.SWISS_ROLL_3D, 150, 9, 3).features();
    for (float[] p : x) {
      for (int c = 0; c < 3; c++) {
        p[c] = (float) (p[c] / 10 + shift[c]);
      }
    }
    String uri = tmp.resolve(name).toString();
    DatasetIO.write(TestSpark.get(), new LabeledPoints(x, null, null), Splits.constant(x.length, "train"), uri, false);
    return uri;
  }
}
