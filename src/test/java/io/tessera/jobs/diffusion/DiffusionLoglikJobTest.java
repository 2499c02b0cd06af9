package io.tessera.jobs.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.JobFixtures;
import io.tessera.SchemaShapes;
import io.tessera.TesseraException;
import io.tessera.TestSpark;
import io.tessera.config.ConfigLoader;
import io.tessera.jobs.JobRegistry;
import io.tessera.tables.TableSchema;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** diffusion-loglik on Gaussian data, whose true log-density the estimates are held to. */
public class DiffusionLoglikJobTest {
  private static final double[] MU = GaussianDdpm.MU;
  private static final double SIGMA = GaussianDdpm.SIGMA;
  private static final List<Integer> UNEVEN = List.of(0, 1, 2, 3, 5, 10, 20, 40, 70, 100);

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
  void estimatesTheDensityPerSampleAndSummarisesPerSplitAndStep() throws java.io.IOException {
    SparkSession spark = TestSpark.get();
    String out = tmp.resolve("out").toString();
    JobRegistry.run(spark, config(out, 7, 2, "base"));
    for (String table : List.of(DiffusionLoglikJob.TABLE, DiffusionLoglikJob.SUMMARY)) {
      assertEquals(SchemaShapes.of(TableSchema.load(table).schema()), SchemaShapes.of(spark.read().parquet(out + "/" + table).schema()),
          table + " as written");
    }
    Dataset<Row> rows = spark.read().parquet(out + "/diffusion_loglik/run_id=base");
    assertEquals(List.of("input row", 40L, 40L, 0L, 3 * 40L), JobFixtures.runCounts(out, "base"), "one row per test sample and step size or grid");
    for (Row r : rows.where("grid IS NOT NULL").collectAsList()) {
      assertNull(r.getAs("h"));
      assertEquals("0,1,2,3,5,10,20,40,70,100", r.getAs("grid"));
      assertEquals(UNEVEN.size() - 1, r.<Integer>getAs("pairs"));
    }
    // The estimate bounds the model's density from below and the model is close to the truth:
    // averaged over the 40 samples at h = 1 it lands within 0.15 nats of the true log-density.
    double gap = 0;
    Dataset<Row> points = spark.read().parquet(data).where("split = 'test'").selectExpr("id AS sample_id", "features");
    for (Row r : points.join(rows.where("h = 1"), "sample_id").collectAsList()) {
      List<Float> x = r.getList(r.fieldIndex("features"));
      double squared = Math.pow(x.get(0) - MU[0], 2) + Math.pow(x.get(1) - MU[1], 2);
      double truth = -Math.log(2 * Math.PI * SIGMA * SIGMA) - squared / (2 * SIGMA * SIGMA);
      gap += (r.<Double>getAs("mean") - truth) / 40;
      assertTrue(r.<Double>getAs("sd") > 0, "rounds differ");
      assertNull(r.getAs("round_values"));
      assertEquals(100, r.<Integer>getAs("pairs"));
    }
    assertEquals(0, gap, 0.15, "mean estimate minus true log-density at h = 1");
    Row[] summary = (Row[]) spark.read().parquet(out + "/diffusion_loglik_summary/run_id=base").where("h IS NOT NULL").orderBy("h").collect();
    assertEquals(2, summary.length);
    assertEquals(1, summary[0].<Integer>getAs("h"));
    assertEquals(40L, summary[0].<Long>getAs("samples"));
    // Coarser steps bound lower: docs/methods/diffusion-likelihood-and-lmd.md, Likelihood estimate (eq. 23).
    assertTrue(summary[1].<Double>getAs("mean") < summary[0].<Double>getAs("mean"), "coarser steps bound lower");
    // An uneven grid is a coarsening of h = 1's: a 9-pair chain through the same model bounds lower.
    double uneven = spark.read().parquet(out + "/diffusion_loglik_summary/run_id=base").where("grid IS NOT NULL").first().getAs("mean");
    assertTrue(Double.isFinite(uneven) && uneven < summary[0].<Double>getAs("mean"),
        "uneven grid " + uneven + " against h = 1 (" + summary[0].getAs("mean") + ")");

    java.nio.file.Path histogram = tmp.resolve("loglik.png");
    java.io.StringWriter err = new java.io.StringWriter();
    assertEquals(0, io.tessera.cli.TesseraMain.execute(new java.io.PrintWriter(err), "report", "loglik", "--loglik",
        out + "/diffusion_loglik/run_id=base", "--h", "1", "--out", histogram.toString()), err.toString());
    io.tessera.PngChecks.assertFigure(histogram, 600, 400);
    assertEquals(2, io.tessera.cli.TesseraMain.execute(new java.io.PrintWriter(err), "report", "loglik", "--loglik",
        out + "/diffusion_loglik/run_id=base", "--h", "3", "--out", histogram.toString()));
    assertTrue(err.toString().contains("no rows with h = 3"), err.toString());
  }

  @Test
  void resultsDoNotDependOnPartitionsOrBatchSize() {
    SparkSession spark = TestSpark.get();
    String out = tmp.resolve("determinism").toString();
    JobRegistry.run(spark, config(out, 40, 1, "one"));
    JobRegistry.run(spark, config(out, 3, 4, "four"));
    String columns = "sample_id, h, mean, sd";
    assertEquals(0, spark.read().parquet(out + "/diffusion_loglik/run_id=one").selectExpr(columns.split(", "))
        .exceptAll(spark.read().parquet(out + "/diffusion_loglik/run_id=four").selectExpr(columns.split(", "))).count());
  }

  @Test
  void refusesAStepLargerThanTheScheduleAndBatchesTooLargeToHold() {
    DiffusionLoglikConfig bad = ConfigLoader.of(DiffusionLoglikConfig.class, "input", data, "model", model, "output", tmp.resolve("bad").toString(), "step_sizes", List.of(500), "rounds", 10, "variance", "A", "seed", 0L, "batch_size", 8, "keep_rounds", false, "partitions", 0, "device", "cpu", "run_id", "bad", "quarantine", false, "splits", List.of("test"));
    TesseraException e = assertThrows(TesseraException.class, () -> JobRegistry.run(TestSpark.get(), bad));
    assertTrue(e.getMessage().contains("step size h must be between 1 and T = 100"), e.getMessage());
    DiffusionLoglikConfig shortGrid = ConfigLoader.of(DiffusionLoglikConfig.class, "input", data, "model", model, "output", tmp.resolve("short").toString(), "step_sizes", List.of(), "rounds", 10, "variance", "A", "seed", 0L, "batch_size", 8, "keep_rounds", false, "partitions", 0, "device", "cpu", "run_id", "short", "quarantine", false, "splits", List.of("test"), "grids", List.of(List.of(0, 5, 50)));
    e = assertThrows(TesseraException.class, () -> JobRegistry.run(TestSpark.get(), shortGrid));
    assertTrue(e.getMessage().contains("must run from 0 to T = 100"), e.getMessage());
    DiffusionLoglikConfig huge = ConfigLoader.of(DiffusionLoglikConfig.class, "input", data, "model", model, "output", tmp.resolve("huge").toString(), "step_sizes", List.of(1), "rounds", 200, "variance", "A", "seed", 0L, "batch_size", 65_536, "keep_rounds", false, "partitions", 0, "device", "cpu", "run_id", "huge", "quarantine", false, "splits", List.of("test"));
    TesseraException tooBig = assertThrows(TesseraException.class, () -> JobRegistry.run(TestSpark.get(), huge));
    assertTrue(tooBig.getMessage().contains("lower batch_size to at most 41943"), tooBig.getMessage());
  }

  private static DiffusionLoglikConfig config(String out, int batch, int partitions, String runId) {
    return ConfigLoader.of(DiffusionLoglikConfig.class, "input", data, "model", model, "output", out, "step_sizes", List.of(1, 20), "rounds", 20, "variance", "A", "seed", 9L, "batch_size", batch, "keep_rounds", false, "partitions", partitions, "device", "cpu", "run_id", runId, "quarantine", false, "splits", List.of("test"), "grids", List.of(UNEVEN));
  }
}
