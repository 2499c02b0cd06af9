package io.tessera.jobs.polytopes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import io.tessera.jobs.JobRegistry;
import io.tessera.jobs.patterns.HammingNeighboursConfig;
import io.tessera.math.MlpWeights;
import io.tessera.math.SegmentCrossings;
import io.tessera.model.classifier.TesseraModelFormat;
import io.tessera.run.JobRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCrossingsJobTest {
  @TempDir static Path tmp;
  static String input;
  static String model;
  static Map<Long, double[]> features;

  @BeforeAll
  static void fixtures() {
    input = JobFixtures.xorDataset(tmp, 400);
    model = JobFixtures.tinyModel(tmp);
    features = JobFixtures.featuresById(input);
  }

  @Test
  void explicitPairsMatchTheExactMethodAndBisectionAgreesOnNearbyPairs() {
    String out = tmp.resolve("explicit").toString();
    List<List<Long>> pairs = List.of(List.of(0L, 1L), List.of(5L, 2L), List.of(2L, 5L), List.of(10L, 300L), List.of(7L, 8L));
    JobRegistry.run(TestSpark.get(),
        ConfigLoader.of(SegmentCrossingsConfig.class, "input", input, "model", model, "output", out, "pairs", pairs, "max_pairs", 0, "bisection", true, "partitions", 2, "device", "cpu", "run_id", "seg"));
    assertEquals(List.of("pair", 4L, 4L, 0L, 4L), JobFixtures.runCounts(out, "seg"), "(5, 2) and (2, 5) are one segment");
    MlpWeights weights = TesseraModelFormat.load(Path.of(model), Device.cpu()).weights();
    for (Row row : TestSpark.get().read().parquet(out + "/" + SegmentCrossingsJob.TABLE).collectAsList()) {
      long a = row.getAs("sample_a");
      long b = row.getAs("sample_b");
      assertTrue(a < b);
      SegmentCrossings.Exact exact = SegmentCrossings.exact(weights, features.get(a), features.get(b));
      assertEquals(exact.regions(), row.<Integer>getAs("regions"));
      assertEquals(exact.endpointHamming(), row.<Integer>getAs("endpoint_hamming"));
      List<Double> t = row.getList(row.fieldIndex("crossings"));
      assertArrayEquals(exact.crossings(), t.stream().mapToDouble(Double::doubleValue).toArray(), 0.0);
      assertEquals(exact.regions(), row.getList(row.fieldIndex("patterns")).size());
      assertEquals(exact.regions() - 1, row.getList(row.fieldIndex("flipped_bits")).size());
      assertTrue(row.<Integer>getAs("regions") >= row.<Integer>getAs("endpoint_hamming") + 1);
      assertEquals(row.<Integer>getAs("regions"), row.<Integer>getAs("bisection_regions"), "pair " + a + "-" + b);
    }
  }

  @Test
  void pairsFromANeighboursTableAreEachMeasuredOnce() {
    String out = tmp.resolve("from-nn").toString();
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(HammingNeighboursConfig.class, "input", input, "model", model, "output", out, "block_size", 100, "batch_size", 128, "partitions", 0, "device", "cpu", "run_id", "nn", "quarantine", false, "splits", List.of("train")));
    String neighbours = out + "/nearest_neighbours/run_id=nn";
    long unordered = TestSpark.get().read().parquet(neighbours).where("metric = 'euclidean'")
        .selectExpr("least(sample_id, neighbour_id) AS a", "greatest(sample_id, neighbour_id) AS b").distinct().count();
    JobRun.Result result = JobRegistry.run(TestSpark.get(),
        ConfigLoader.of(SegmentCrossingsConfig.class, "input", input, "model", model, "output", out, "neighbours", neighbours, "metric", "euclidean", "max_pairs", 0, "bisection", false, "partitions", 0, "device", "cpu", "run_id", "seg-nn", "splits", List.of("train")));
    assertEquals(unordered, result.counts().rowsOut());
    assertTrue(unordered < 300 && unordered > 100, "mutual neighbours collapse into one segment: " + unordered);
    Row any = TestSpark.get().read().parquet(out + "/segment_crossings").first();
    assertTrue(any.isNullAt(any.fieldIndex("bisection_regions")), "bisection off: no count");
  }

  @Test
  void aPairWithAQuarantinedEndpointIsRefusedAndTheOthersAreMeasured() {
    String data = tmp.resolve("one-nan").toString();
    float[][] points = {{0.1f, 0.2f}, {Float.NaN, 0f}, {0.3f, -0.3f}, {-0.5f, 0.4f}};
    DatasetIO.write(TestSpark.get(), new LabeledPoints(points, new int[points.length], null), Splits.constant(points.length, "train"), data, false);
    String out = tmp.resolve("quarantined").toString();
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(SegmentCrossingsConfig.class, "input", data, "model", model, "output", out,
        "pairs", List.of(List.of(0L, 1L), List.of(1L, 2L), List.of(2L, 3L)), "max_pairs", 0, "bisection", false, "device", "cpu",
        "run_id", "q", "quarantine", true));
    assertEquals(List.of("pair", 3L, 1L, 2L, 1L), JobFixtures.runCounts(out, "q"), "both pairs through sample 1 are refused");
    Row measured = TestSpark.get().read().parquet(out + "/" + SegmentCrossingsJob.TABLE).first();
    assertEquals(List.of(2L, 3L), List.of(measured.<Long>getAs("sample_a"), measured.<Long>getAs("sample_b")));
    Row reject = TestSpark.get().read().parquet(out + "/_rejects").first();
    assertEquals(1L, reject.<Long>getAs("sample_id"));
  }

  @Test
  void badPairsAreClearErrors() {
    for (String[] bad : new String[][] {
        {"pairs=[]", "pairs is empty"},
        {"pairs=[[1, 999999]]", "a pair names sample id 999999, which is not in " + input},
        {"pairs=[[1]]", "each pair must be two sample ids"},
        {"metric=cosine", "metric must be euclidean or hamming"}}) {
      StringWriter err = new StringWriter();
      int status = TesseraMain.execute(new PrintWriter(err), "run", "segment-crossings", "--set", "input=" + input, "--set", "model=" + model,
          "--set", "output=" + tmp.resolve("bad"), "--set", "pairs=[[1, 2]]", "--set", bad[0]);
      assertEquals(2, status, err.toString());
      assertTrue(err.toString().contains(bad[1]), err.toString());
    }
    StringWriter err = new StringWriter();
    assertEquals(2, TesseraMain.execute(new PrintWriter(err), "run", "segment-crossings", "--set", "input=" + input, "--set", "model=" + model,
        "--set", "output=" + tmp.resolve("bad")));
    assertTrue(err.toString().contains("give either neighbours"), err.toString());
  }
}
