package io.tessera.jobs.localmaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.tessera.JobFixtures;
import io.tessera.TesseraException;
import io.tessera.TestSpark;
import io.tessera.config.ConfigLoader;
import io.tessera.jobs.JobRegistry;
import io.tessera.math.LinfAttacks;
import io.tessera.math.MlpWeights;
import io.tessera.model.classifier.TesseraModelFormat;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterMapsJobTest {
  @TempDir static Path tmp;
  static String input;
  static String model;
  static String maps;

  @BeforeAll
  static void fixtures() {
    input = JobFixtures.xorDataset(tmp, 400);
    model = JobFixtures.tinyModel(tmp);
    String out = tmp.resolve("out").toString();
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(JacobiansConfig.class, "input", input, "model", model, "output", out, "method", "exact", "batch_size", 64, "partitions", 2, "device", "cpu", "run_id", "maps", "quarantine", false));
    maps = out + "/local_maps/run_id=maps";
  }

  @Test
  void oneCentreIsTheMeanMapAndEnoughCentresReproduceTheNetwork() {
    String out = tmp.resolve("clusters").toString();
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(ClusterMapsConfig.class, "maps", maps, "input", input, "output", out, "ks", List.of(1, 400), "train_split", "train", "test_split", "test", "seed", 3L, "run_id", "c"));
    List<Row> rows = TestSpark.get().read().parquet(out + "/" + ClusterMapsJob.TABLE).orderBy("k").collectAsList();
    assertEquals(List.of("test sample", 100L, 100L, 0L, 2L), JobFixtures.runCounts(out, "c"), "every test sample scored for each of two ks");

    // Independently: the network's test accuracy, and the accuracy of the mean training map per output.
    MlpWeights weights = TesseraModelFormat.load(Path.of(model), Device.cpu()).weights();
    List<Row> trainMaps = TestSpark.get().read().parquet(maps).where("split = 'train'").collectAsList();
    double[][] mean = new double[2][3];
    long[] n = new long[2];
    for (Row r : trainMaps) {
      int o = r.getAs("output");
      List<Float> g = r.getList(r.fieldIndex("gradient"));
      mean[o][0] += g.get(0);
      mean[o][1] += g.get(1);
      mean[o][2] += r.<Double>getAs("bias");
      n[o]++;
    }
    int original = 0;
    int meanMap = 0;
    List<Row> test = TestSpark.get().read().parquet(input).where("split = 'test'").collectAsList();
    for (Row r : test) {
      List<Float> f = r.getList(r.fieldIndex("features"));
      double[] x = {f.get(0), f.get(1)};
      int label = r.getAs("label");
      double[] y = weights.evaluate(x).output();
      original += LinfAttacks.prediction(new float[] {(float) y[0], (float) y[1]}, 0, 2) == label ? 1 : 0;
      float[] surrogate = new float[2];
      for (int o = 0; o < 2; o++) {
        surrogate[o] = (float) ((mean[o][0] * x[0] + mean[o][1] * x[1] + mean[o][2]) / n[o]);
      }
      meanMap += LinfAttacks.prediction(surrogate, 0, 2) == label ? 1 : 0;
    }
    Row one = rows.get(0);
    assertEquals(test.size(), one.<Long>getAs("test_samples"));
    assertEquals(original / (double) test.size(), one.<Double>getAs("original_accuracy"), 1e-12);
    assertEquals(meanMap / (double) test.size(), one.<Double>getAs("accuracy"), 1e-12, "k = 1 is the mean map");
    assertTrue(one.<Double>getAs("accuracy") < 0.8, "one linear map cannot solve XOR: " + one.<Double>getAs("accuracy"));
  }

  @Test
  void withACentrePerDistinctMapTheTrainingSamplesAreClassifiedAsByTheNetwork() {
    String out = tmp.resolve("on-train").toString();
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(ClusterMapsConfig.class, "maps", maps, "input", input, "output", out, "ks", List.of(400), "train_split", "train", "test_split", "train", "seed", 3L, "run_id", "t"));
    Row row = TestSpark.get().read().parquet(out + "/" + ClusterMapsJob.TABLE).first();
    for (double cost : row.<Double>getList(row.fieldIndex("training_cost"))) {
      assertEquals(0, cost, 1e-9, "every training map is a centre");
    }
    assertEquals(row.<Double>getAs("original_accuracy"), row.<Double>getAs("accuracy"), 1e-12);
    assertThrows(TesseraException.class, () -> JobRegistry.run(TestSpark.get(),
        ConfigLoader.of(ClusterMapsConfig.class, "maps", input, "input", input, "output", out, "ks", List.of(2), "train_split", "train", "test_split", "test", "seed", 3L, "run_id", "bad")));
  }

  @Test
  void theClustersDoNotDependOnHowTheMapsTableIsLaidOut() {
    String shuffled = tmp.resolve("maps-shuffled").toString();
    TestSpark.get().read().parquet(maps).orderBy(org.apache.spark.sql.functions.rand(7)).repartition(5).write().parquet(shuffled);
    String out = tmp.resolve("layout").toString();
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(ClusterMapsConfig.class, "maps", maps, "input", input, "output", out, "ks", List.of(3, 8), "train_split", "train", "test_split", "test", "seed", 3L, "run_id", "a"));
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(ClusterMapsConfig.class, "maps", shuffled, "input", input, "output", out, "ks", List.of(3, 8), "train_split", "train", "test_split", "test", "seed", 3L, "run_id", "b"));
    List<Row> a = TestSpark.get().read().parquet(out + "/" + ClusterMapsJob.TABLE).where("run_id = 'a'").orderBy("k").collectAsList();
    List<Row> b = TestSpark.get().read().parquet(out + "/" + ClusterMapsJob.TABLE).where("run_id = 'b'").orderBy("k").collectAsList();
    assertEquals(2, a.size());
    for (int i = 0; i < a.size(); i++) {
      for (String column : List.of("k", "centres", "test_samples", "accuracy")) {
        assertEquals(a.get(i).<Object>getAs(column), b.get(i).<Object>getAs(column), column);
      }
      // MLlib adds the per-partition sums in the order the shuffle delivers them: equal up to rounding.
      List<Double> costA = a.get(i).getList(a.get(i).fieldIndex("training_cost"));
      List<Double> costB = b.get(i).getList(b.get(i).fieldIndex("training_cost"));
      for (int o = 0; o < costA.size(); o++) {
        assertEquals(costA.get(o), costB.get(o), 1e-9 * Math.max(1, costA.get(o)));
      }
    }
  }
}
