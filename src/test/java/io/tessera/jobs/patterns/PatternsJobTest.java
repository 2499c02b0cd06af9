package io.tessera.jobs.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.tessera.JobFixtures;
import io.tessera.TestSpark;
import io.tessera.config.ConfigLoader;
import io.tessera.data.DatasetIO;
import io.tessera.jobs.JobRegistry;
import io.tessera.math.BitPatterns;
import io.tessera.math.MlpWeights;
import io.tessera.model.classifier.TesseraModelFormat;
import io.tessera.run.JobRun;
import io.tessera.tables.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The patterns job end to end on local[2]: Parquet written, read back and checked row by row. */
class PatternsJobTest {
  @TempDir static Path tmp;
  static String input;
  static String model;
  static MlpWeights weights;

  @BeforeAll
  static void fixtures() {
    input = JobFixtures.xorDataset(tmp, 1500);
    model = JobFixtures.tinyModel(tmp);
    weights = TesseraModelFormat.load(Path.of(model), Device.cpu()).weights();
  }

  private static JobRun.Result run(String out, int partitions, int batch, String runId) {
    return JobRegistry.run(TestSpark.get(), ConfigLoader.of(PatternsConfig.class, "input", input, "model", model, "output", out, "batch_size", batch, "partitions", partitions, "device", "cpu", "run_id", runId, "quarantine", false));
  }

  @Test
  void everyRowMatchesAnIndependentFloat64ForwardPass() {
    String out = tmp.resolve("out-a").toString();
    run(out, 3, 7, "check-a");
    assertEquals(List.of("input row", 1500L, 1500L, 0L, 1500L), JobFixtures.runCounts(out, "check-a"));
    SparkSession spark = TestSpark.get();
    Map<Long, float[]> features = new HashMap<>();
    for (Row r : spark.read().parquet(input).collectAsList()) {
      List<Float> f = r.getList(r.fieldIndex("features"));
      features.put(r.getLong(r.fieldIndex("id")), new float[] {f.get(0), f.get(1)});
    }
    List<Row> rows = spark.read().parquet(out + "/activation_patterns").collectAsList();
    assertEquals(1500, rows.size());
    int[] widths = weights.hiddenWidths();
    for (Row row : rows) {
      assertEquals("check-a", row.getAs("run_id"));
      assertEquals("model", row.getAs("model_id"));
      float[] x = features.get(row.<Long>getAs("sample_id"));
      MlpWeights.Evaluation exact = weights.evaluate(new double[] {x[0], x[1]});
      List<Row> layers = row.getList(row.fieldIndex("layers"));
      long[][] bits = new long[widths.length][];
      int active = 0;
      for (int l = 0; l < widths.length; l++) {
        Row layer = layers.get(l);
        assertEquals(widths[l], layer.getInt(0));
        List<Long> words = layer.getList(2);
        bits[l] = words.stream().mapToLong(Long::longValue).toArray();
        assertEquals(BitPatterns.popcount(bits[l]), layer.getInt(1));
        active += layer.getInt(1);
        for (int k = 0; k < widths[l]; k++) {
          double z = exact.preActivations()[l][k];
          if (Math.abs(z) > 1e-4) {
            assertEquals(z > 0, BitPatterns.get(bits[l], k));
          }
        }
      }
      assertEquals(active, row.<Integer>getAs("active_units"));
      assertEquals(BitPatterns.hash(bits, widths), row.<Long>getAs("pattern_hash"));
      List<Float> outputs = row.getList(row.fieldIndex("outputs"));
      assertEquals(exact.output()[0], outputs.get(0), 1e-4);
      assertEquals(exact.output()[1], outputs.get(1), 1e-4);
      assertEquals(outputs.get(1) > outputs.get(0) ? 1 : 0, row.<Integer>getAs("prediction"));
      int truth = (x[0] > 0) ^ (x[1] > 0) ? 1 : 0;
      assertEquals(truth, row.<Integer>getAs("label"));
    }
  }

  @Test
  void resultDoesNotDependOnPartitioningOrBatchSize() {
    String out = tmp.resolve("out-b").toString();
    run(out, 1, 4096, "one-partition");
    run(out, 5, 3, "five-partitions");
    SparkSession spark = TestSpark.get();
    String query = "SELECT sample_id, split, label, prediction, pattern_hash, active_units, outputs FROM t WHERE run_id = '%s' ORDER BY sample_id";
    spark.read().parquet(out + "/activation_patterns").createOrReplaceTempView("t");
    List<Row> a = spark.sql(String.format(query, "one-partition")).collectAsList();
    List<Row> b = spark.sql(String.format(query, "five-partitions")).collectAsList();
    assertEquals(1500, a.size());
    assertEquals(1500, b.size());
    for (int i = 0; i < a.size(); i++) {
      for (int c = 0; c < 6; c++) {
        assertEquals(a.get(i).get(c), b.get(i).get(c), "row " + i + " column " + c);
      }
      // The GEMM kernel's blocking depends on the batch size, so logits may differ in the last bits.
      List<Float> oa = a.get(i).getList(6);
      List<Float> ob = b.get(i).getList(6);
      for (int o = 0; o < oa.size(); o++) {
        assertEquals(oa.get(o), ob.get(o), 1e-5f * Math.max(1f, Math.abs(oa.get(o))));
      }
    }
  }

  @Test
  void runsTableRecordsTheRunAndNothingIsLeftInStaging() {
    String out = tmp.resolve("out-c").toString();
    JobRun.Result result = run(out, 2, 64, null);
    assertTrue(result.runId().startsWith("patterns-"), result.runId());
    Row run = TestSpark.get().read().parquet(out + "/runs").where("run_id = '" + result.runId() + "'").first();
    assertEquals(RunRecord.SUCCEEDED, run.getAs("status"));
    assertEquals("patterns", run.getAs("job"));
    assertEquals(1500L, run.<Long>getAs("rows_in"));
    assertEquals(1500L, run.<Long>getAs("rows_out"));
    assertEquals(0L, run.<Long>getAs("rows_rejected"));
    assertTrue(run.<String>getAs("config").contains("\"batch_size\":64"), run.<String>getAs("config"));
    assertEquals(64, run.<String>getAs("config_hash").length());
    assertFalse(Files.exists(Path.of(out, "_staging")));
    assertTrue(Files.isDirectory(Path.of(out, "activation_patterns", "run_id=" + result.runId())));
  }

  @Test
  void splitFilterSelectsRows() {
    String out = tmp.resolve("out-d").toString();
    JobRun.Result result = JobRegistry.run(TestSpark.get(),
        ConfigLoader.of(PatternsConfig.class, "input", input, "model", model, "output", out, "batch_size", 128, "partitions", 0, "device", "cpu", "run_id", "test-only", "quarantine", false, "splits", List.of("test")));
    assertEquals(375, result.counts().rowsOut());
    assertEquals(375, TestSpark.get().read().parquet(out + "/activation_patterns").where("split = 'test'").count());
    assertEquals(DatasetIO.read(TestSpark.get(), input).where("split = 'test'").count(), result.counts().rowsIn());
  }

  @Test
  void theInputSelectionKeepsTheNamedIdsAndThePredicatesRows() {
    SparkSession spark = TestSpark.get();
    String out = tmp.resolve("out-selection").toString();
    JobRun.Result ids = JobRegistry.run(spark, ConfigLoader.of(PatternsConfig.class, "input", input, "model", model, "output", out,
        "device", "cpu", "run_id", "ids", "ids", List.of(3L, 5L, 8L, 99999L)));
    assertEquals(3, ids.counts().rowsIn(), "an id the dataset lacks selects nothing");
    assertEquals(List.of(3L, 5L, 8L), spark.read().parquet(out + "/activation_patterns/run_id=ids").select("sample_id").orderBy("sample_id")
        .collectAsList().stream().map(r -> r.getLong(0)).toList());

    String predicate = "label = 1 AND features[0] > 0 AND split = 'train'";
    JobRun.Result where = JobRegistry.run(spark, ConfigLoader.of(PatternsConfig.class, "input", input, "model", model, "output", out,
        "device", "cpu", "run_id", "where", "where", predicate));
    long expected = spark.read().parquet(input).where(predicate).count();
    assertTrue(expected > 0 && expected < 1500, "the predicate keeps some rows: " + expected);
    assertEquals(expected, where.counts().rowsOut());

    io.tessera.ConfigException typo = org.junit.jupiter.api.Assertions.assertThrows(io.tessera.ConfigException.class, () ->
        JobRegistry.run(spark, ConfigLoader.of(PatternsConfig.class, "input", input, "model", model, "output", out, "device", "cpu",
            "run_id", "typo", "where", "lable = 1")));
    assertTrue(typo.getMessage().startsWith("option 'where': cannot select rows of " + input + " with 'lable = 1'"), typo.getMessage());
    assertTrue(typo.getMessage().contains("lable"), typo.getMessage());
  }
}
