package io.tessera.jobs.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.JobFixtures;
import io.tessera.SchemaShapes;
import io.tessera.TesseraException;
import io.tessera.TestSpark;
import io.tessera.config.ConfigLoader;
import io.tessera.data.DatasetIO;
import io.tessera.jobs.JobRegistry;
import io.tessera.jobs.topology.SampleMetricsConfig;
import io.tessera.jobs.topology.SampleMetricsJob;
import io.tessera.tables.TableSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffusionSampleJobTest {
  private static final double[] MU = GaussianDdpm.MU;
  private static final double SIGMA = GaussianDdpm.SIGMA;

  @TempDir static Path tmp;
  private static String data;
  private static String model;

  @BeforeAll
  static void trainOnGaussianData() {
    GaussianDdpm fixture = GaussianDdpm.train(tmp);
    data = fixture.data();
    model = fixture.model();
  }

  @Test
  void samplesTheTrainingLawWhateverThePartitioningAndFeedSampleMetrics() {
    SparkSession spark = TestSpark.get();
    String out = tmp.resolve("out").toString();
    JobRegistry.run(spark, config(out, 2000, 300, 3, "s1"));
    assertEquals(List.of("generated row", 2000L, 2000L, 0L, 2000L), JobFixtures.runCounts(out, "s1"));
    String samples = out + "/" + DiffusionSampleJob.TABLE + "/run_id=s1";
    assertEquals(SchemaShapes.of(TableSchema.load(DiffusionSampleJob.TABLE).schema()),
        SchemaShapes.of(spark.read().parquet(out + "/" + DiffusionSampleJob.TABLE).schema()), "as written");
    Row moments = DatasetIO.read(spark, samples).selectExpr("avg(features[0])", "avg(features[1])", "stddev(features[0])",
        "stddev(features[1])", "count(DISTINCT id)").first();
    // A trained network, not the exact eps: its law is within a tenth of a standard deviation of the data's here.
    for (int k = 0; k < 2; k++) {
      assertEquals(MU[k], moments.getDouble(k), 0.1 * SIGMA, "mean of coordinate " + k);
      assertEquals(SIGMA, moments.getDouble(2 + k), 0.1 * SIGMA, "sd of coordinate " + k);
    }
    assertEquals(2000L, moments.getLong(4));

    // Sample i draws from its own stream: other blocks and partitions give the same points.
    JobRegistry.run(spark, config(out, 600, 64, 1, "s2"));
    Map<Long, double[]> first = JobFixtures.featuresById(samples);
    Map<Long, double[]> again = JobFixtures.featuresById(out + "/" + DiffusionSampleJob.TABLE + "/run_id=s2");
    for (long id = 0; id < 600; id++) {
      for (int k = 0; k < 2; k++) {
        assertEquals(first.get(id)[k], again.get(id)[k], 1e-5, "sample " + id);
      }
    }

    // The partition is a dataset: sample-metrics compares it with the training data.
    String metrics = tmp.resolve("metrics").toString();
    JobRegistry.run(spark, ConfigLoader.of(SampleMetricsConfig.class, "output", metrics, "comparisons", Map.of("ddpm",
        Map.of("real", Map.of("dataset", data), "fake", Map.of("dataset", samples))), "sample_size", 400, "repeats", 2,
        "metrics", List.of("w2", "prdc"), "run_id", "m"));
    for (Row r : spark.read().parquet(metrics + "/" + SampleMetricsJob.TABLE).collectAsList()) {
      assertTrue(r.<Double>getAs("w2") < 0.25, "W2 to the training law: " + r.getAs("w2"));
      assertTrue(r.<Double>getAs("coverage") > 0.8, "coverage " + r.getAs("coverage"));
    }
  }

  @Test
  void refusesAStepBeyondTheModelAndAMissingModel() {
    String out = tmp.resolve("bad").toString();
    TesseraException step = assertThrows(TesseraException.class, () -> JobRegistry.run(TestSpark.get(),
        ConfigLoader.of(DiffusionSampleConfig.class, "model", model, "output", out, "step_size", 500, "run_id", "b1")));
    assertTrue(step.getMessage().contains("500"), step.getMessage());
    TesseraException missing = assertThrows(TesseraException.class, () -> JobRegistry.run(TestSpark.get(),
        ConfigLoader.of(DiffusionSampleConfig.class, "model", tmp.resolve("nope").toString(), "output", out, "run_id", "b2")));
    assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
    assertFalse(Files.exists(Path.of(out, DiffusionSampleJob.TABLE)), "nothing published");
  }

  private static DiffusionSampleConfig config(String out, int samples, int batch, int partitions, String runId) {
    return ConfigLoader.of(DiffusionSampleConfig.class, "model", model, "output", out, "samples", samples, "batch_size", batch,
        "partitions", partitions, "device", "cpu", "seed", 4L, "run_id", runId);
  }
}
