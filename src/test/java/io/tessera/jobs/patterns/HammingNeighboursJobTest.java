package io.tessera.jobs.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.tessera.JobFixtures;
import io.tessera.TestSpark;
import io.tessera.cli.TesseraMain;
import io.tessera.config.ConfigLoader;
import io.tessera.data.DatasetIO;
import io.tessera.data.LabeledPoints;
import io.tessera.data.Splits;
import io.tessera.data.SyntheticDatasets;
import io.tessera.jobs.JobRegistry;
import io.tessera.math.BitPatterns;
import io.tessera.model.classifier.ReluMlpNetwork;
import io.tessera.model.classifier.TesseraModelFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
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

class HammingNeighboursJobTest {
  @TempDir static Path tmp;
  static String input;
  static String model;

  @BeforeAll
  static void fixtures() {
    // Circles: two classes on two radii, 2000 points in train and test splits.
    input = tmp.resolve("circles").toString();
    LabeledPoints points = SyntheticDatasets.generate(SyntheticDatasets.Kind.CIRCLES, 2000, 5, 2);
    DatasetIO.write(TestSpark.get(), points, Splits.trainTest(2000, 0.3), input, false);
    model = JobFixtures.tinyModel(tmp);
  }

  @Test
  void theSqlHammingFunctionGivesTheJobsDistances() throws java.io.IOException {
    String out = tmp.resolve("sql-out").toString();
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(HammingNeighboursConfig.class, "input", input, "model", model, "output", out, "block_size", 400,
        "batch_size", 256, "partitions", 2, "device", "cpu", "run_id", "nn-sql", "quarantine", false));
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(PatternsConfig.class, "input", input, "model", model, "output", out, "batch_size", 256,
        "partitions", 2, "device", "cpu", "run_id", "p-sql", "quarantine", false));
    SparkSession spark = TestSpark.get();
    spark.read().parquet(out + "/" + HammingNeighboursJob.TABLE).createOrReplaceTempView("nn_sql");
    spark.read().parquet(out + "/activation_patterns").createOrReplaceTempView("patterns_sql");
    // Per layer hamming(), summed over the layers: the whole pattern's distance, as the job counts it.
    List<Row> rows = spark.sql("""
        SELECT n.distance, aggregate(zip_with(a.layers, b.layers, (x, y) -> hamming(x.bits, y.bits)), 0, (acc, h) -> acc + h) AS in_sql
        FROM nn_sql n JOIN patterns_sql a ON a.sample_id = n.sample_id JOIN patterns_sql b ON b.sample_id = n.neighbour_id
        WHERE n.metric = 'hamming'""").collectAsList();
    assertEquals(2000, rows.size());
    long positive = 0;
    for (Row r : rows) {
      assertEquals(r.getDouble(0), r.getInt(1), 0.0);
      positive += r.getInt(1) > 0 ? 1 : 0;
    }
    assertTrue(positive > 0, "some nearest neighbours lie in another region, so the comparison is not all zeros");

    // The example queries of docs/tables.md, as printed there, on this run.
    spark.read().parquet(out + "/activation_patterns").createOrReplaceTempView("activation_patterns");
    String doc = Files.readString(Path.of("docs/tables.md"));
    String block = doc.substring(doc.indexOf("```sql", doc.indexOf("### Bit vectors in SQL")) + 6);
    String[] queries = block.substring(0, block.indexOf("```")).replace("'RUN'", "'p-sql'").split(";\\s*\n\\s*\n");
    assertEquals(2, queries.length);
    Map<Long, Double> jobDistance = new HashMap<>();
    for (Row r : spark.sql("SELECT sample_id, distance FROM nn_sql WHERE metric = 'hamming' AND split = 'test'").collectAsList()) {
      jobDistance.put(r.getLong(0), r.getDouble(1));
    }
    List<Row> nearest = spark.sql(queries[0].replace("LIMIT 20", "")).collectAsList();
    assertEquals(jobDistance.size(), nearest.size());
    for (Row r : nearest) {
      assertEquals(jobDistance.get(r.getLong(0)), r.getInt(2), 0.0, "sample " + r.getLong(0));
    }
    List<Row> rates = spark.sql(queries[1].replaceAll(";\\s*$", "")).collectAsList();
    assertEquals(8 * 2, rates.size(), "8 units of each of the tiny model's 2 hidden layers");
    for (Row r : rates) {
      double rate = r.getDouble(2);
      long active = spark.sql("SELECT count(*) FROM activation_patterns WHERE run_id = 'p-sql' AND bit_at(layers[" + r.getInt(0) + "].bits, "
          + r.getInt(1) + ") = 1").first().getLong(0);
      assertEquals(active / 2000.0, rate, 1e-12);
    }
  }

  private record Sample(long id, String split, int label, long[][] bits, float[] x) {}

  @Test
  void equalsABruteForceSearchInOneJvm() {
    String out = tmp.resolve("out").toString();
    JobRegistry.run(TestSpark.get(),
        ConfigLoader.of(HammingNeighboursConfig.class, "input", input, "model", model, "output", out, "block_size", 150, "batch_size", 256, "partitions", 3, "device", "cpu", "run_id", "nn", "quarantine", false));
    assertEquals(List.of("input row", 2000L, 2000L, 0L, 4000L), JobFixtures.runCounts(out, "nn"), "a row per sample and metric");

    List<Row> data = TestSpark.get().read().parquet(input).orderBy("id").collectAsList();
    float[] x = new float[data.size() * 2];
    for (int i = 0; i < data.size(); i++) {
      List<Float> f = data.get(i).getList(data.get(i).fieldIndex("features"));
      x[2 * i] = f.get(0);
      x[2 * i + 1] = f.get(1);
    }
    Sample[] samples = new Sample[data.size()];
    try (ReluMlpNetwork network = TesseraModelFormat.load(Path.of(model), Device.cpu())) {
      long[][][] bits = network.patterns(x, data.size()).bits();
      for (int i = 0; i < samples.length; i++) {
        Row r = data.get(i);
        samples[i] = new Sample(r.getAs("id"), r.getAs("split"), r.<Integer>getAs("label"), bits[i], new float[] {x[2 * i], x[2 * i + 1]});
      }
    }
    Map<String, Row> written = new HashMap<>();
    for (Row r : TestSpark.get().read().parquet(out + "/" + HammingNeighboursJob.TABLE).collectAsList()) {
      written.put(r.<Long>getAs("sample_id") + "/" + r.getAs("metric"), r);
    }
    assertEquals(4000, written.size());
    int ties = 0;
    for (Sample s : samples) {
      long bestH = -1;
      int dH = Integer.MAX_VALUE;
      long bestE = -1;
      double dE = Double.POSITIVE_INFINITY;
      int atBest = 0;
      for (Sample t : samples) {
        if (t.id() == s.id() || !t.split().equals(s.split())) {
          continue;
        }
        int h = BitPatterns.hamming(s.bits(), t.bits());
        if (h < dH) {
          dH = h;
          bestH = t.id();
          atBest = 1;
        } else if (h == dH) {
          atBest++; // samples are visited in id order, so the first one found is the lowest id
        }
        double dx = (double) s.x()[0] - t.x()[0];
        double dy = (double) s.x()[1] - t.x()[1];
        double e = dx * dx + dy * dy;
        if (e < dE) {
          dE = e;
          bestE = t.id();
        }
      }
      ties += atBest > 1 ? 1 : 0;
      Row h = written.get(s.id() + "/hamming");
      assertEquals(bestH, h.<Long>getAs("neighbour_id"), "sample " + s.id());
      assertEquals(dH, h.<Double>getAs("distance"), 0.0);
      assertEquals(s.label() == samples[(int) bestH].label(), h.<Boolean>getAs("same_label"));
      Row e = written.get(s.id() + "/euclidean");
      assertEquals(bestE, e.<Long>getAs("neighbour_id"), "sample " + s.id());
      assertEquals(Math.sqrt(dE), e.<Double>getAs("distance"), 1e-12);
    }
    assertTrue(ties > 100, "the tie-break rule was exercised: " + ties);

    Map<String, Double> agreement = new HashMap<>();
    for (Row r : TestSpark.get().read().parquet(out + "/" + HammingNeighboursJob.SUMMARY).collectAsList()) {
      agreement.put(r.getAs("split") + "/" + r.getAs("metric"), r.getAs("agreement"));
    }
    long trainSame = written.values().stream()
        .filter(r -> r.getAs("split").equals("train") && r.getAs("metric").equals("euclidean") && r.<Boolean>getAs("same_label")).count();
    assertEquals(trainSame / 1400.0, agreement.get("train/euclidean"), 1e-12);
  }

  @Test
  void duplicateIdsAreRefused() {
    String dup = tmp.resolve("dup").toString();
    var spark = TestSpark.get();
    spark.read().parquet(input).limit(10).union(spark.read().parquet(input).limit(1)).write().parquet(dup);
    StringWriter err = new StringWriter();
    int status = TesseraMain.execute(new PrintWriter(err), "run", "hamming-neighbours", "--set", "input=" + dup, "--set", "model=" + model,
        "--set", "output=" + tmp.resolve("dup-out"));
    assertEquals(2, status);
    assertTrue(err.toString().contains("column id has duplicate value 0 in split 'train'"), err.toString());
  }
}
