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
import io.tessera.run.JobRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
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

  private record Sample(long id, String split, int label, long[][] bits, float[] x) {}

  @Test
  void equalsABruteForceSearchInOneJvm() {
    String out = tmp.resolve("out").toString();
    JobRun.Result result = JobRegistry.run(TestSpark.get(),
        ConfigLoader.of(HammingNeighboursConfig.class, "input", input, "model", model, "output", out, "block_size", 150, "batch_size", 256, "partitions", 3, "device", "cpu", "run_id", "nn", "quarantine", false));
    assertEquals(2000, result.counts().rowsOut());

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
