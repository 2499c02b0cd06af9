package io.tessera.jobs.localmaps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.JobFixtures;
import io.tessera.TestModels;
import io.tessera.TestSpark;
import io.tessera.config.ConfigLoader;
import io.tessera.jobs.JobRegistry;
import io.tessera.math.LeastSquaresMap;
import io.tessera.math.LinfAttacks;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapTransferJobTest {
  @TempDir static Path tmp;

  @Test
  void theDiagonalKeepsTheAccuracyAndOffDiagonalFitsMatchASingleMachineSolve() {
    String input = JobFixtures.xorDataset(tmp, 400);
    String a = JobFixtures.tinyModel(tmp);
    Path b = tmp.resolve("model-b");
    TestModels.trainTiny(b, 3, 5);
    String out = tmp.resolve("out").toString();
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(JacobiansConfig.class, "input", input, "model", a, "output", out, "method", "exact", "batch_size", 64, "partitions", 2, "device", "cpu", "run_id", "a", "quarantine", false));
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(JacobiansConfig.class, "input", input, "model", b.toString(), "output", out, "method", "exact", "batch_size", 64, "partitions", 2, "device", "cpu", "run_id", "b", "quarantine", false));
    String mapsA = out + "/local_maps/run_id=a";
    String mapsB = out + "/local_maps/run_id=b";
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(MapTransferConfig.class, "maps", List.of(mapsA, mapsB), "input", input, "output", out, "run_id", "t"));
    List<Row> rows = TestSpark.get().read().parquet(out + "/" + MapTransferJob.TABLE).collectAsList();
    assertEquals(List.of("model pair", 4L, 4L, 0L, 4L), JobFixtures.runCounts(out, "t"), "every ordered pair, the diagonal included");
    for (Row r : rows) {
      assertEquals(300L, r.<Long>getAs("train_samples"));
      assertEquals(100L, r.<Long>getAs("test_samples"));
      if (r.<String>getAs("from_model").equals(r.<String>getAs("to_model"))) {
        assertEquals(r.<Double>getAs("from_accuracy"), r.<Double>getAs("accuracy"), 1e-12, "C M = C on the diagonal");
      } else {
        String from = r.getAs("from_model");
        double expected = from.equals("model") ? singleMachine(mapsA, mapsB, input) : singleMachine(mapsB, mapsA, input);
        // Sums in another order round differently: allow one test sample within rounding of a tie.
        assertEquals(expected, r.<Double>getAs("accuracy"), 0.0101, from + " to the other");
      }
    }
  }

  /** A to B by collecting the maps, summing C^T C and C^T D in one loop, and classifying the test samples. */
  private static double singleMachine(String from, String to, String input) {
    Map<Long, double[][]> fromTrain = maps(from, "train");
    Map<Long, double[][]> toTrain = maps(to, "train");
    double[][][] m = new double[2][][];
    for (int j = 0; j < 2; j++) {
      double[][] g = new double[3][3];
      double[][] h = new double[3][3];
      for (var e : fromTrain.entrySet()) {
        double[] c = e.getValue()[j];
        double[] d = toTrain.get(e.getKey())[j];
        for (int r = 0; r < 3; r++) {
          for (int k = 0; k < 3; k++) {
            g[r][k] += c[r] * c[k];
            h[r][k] += c[r] * d[k];
          }
        }
      }
      m[j] = LeastSquaresMap.of(g, 0, 1e-10).map(h);
    }
    Map<Long, double[][]> test = maps(from, "test");
    int correct = 0;
    List<Row> samples = TestSpark.get().read().parquet(input).where("split = 'test'").collectAsList();
    for (Row s : samples) {
      List<Float> x = s.getList(s.fieldIndex("features"));
      float[] y = new float[2];
      for (int j = 0; j < 2; j++) {
        double[] v = test.get(s.<Long>getAs("id"))[j];
        double[] mapped = new double[3];
        for (int r = 0; r < 3; r++) {
          for (int c = 0; c < 3; c++) {
            mapped[c] += v[r] * m[j][r][c];
          }
        }
        y[j] = (float) (mapped[0] * x.get(0) + mapped[1] * x.get(1) + mapped[2]);
      }
      correct += LinfAttacks.prediction(y, 0, 2) == s.<Integer>getAs("label") ? 1 : 0;
    }
    return correct / (double) samples.size();
  }

  private static Map<Long, double[][]> maps(String uri, String split) {
    Map<Long, double[][]> out = new HashMap<>();
    for (Row r : TestSpark.get().read().parquet(uri).where("split = '" + split + "'").collectAsList()) {
      List<Float> g = r.getList(r.fieldIndex("gradient"));
      out.computeIfAbsent(r.<Long>getAs("sample_id"), k -> new double[2][])[r.<Integer>getAs("output")] =
          new double[] {g.get(0), g.get(1), r.<Double>getAs("bias")};
    }
    return out;
  }
}
