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
import io.tessera.jobs.JobRegistry;
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

class AdversarialJobTest {
  private static final double EPS = 0.15;

  @TempDir static Path tmp;
  static String input;
  static String model;
  static Map<Long, float[]> clean = new HashMap<>();

  @BeforeAll
  static void fixtures() {
    input = JobFixtures.xorDataset(tmp, 300);
    model = JobFixtures.tinyModel(tmp);
    for (Row r : TestSpark.get().read().parquet(input).collectAsList()) {
      List<Float> f = r.getList(r.fieldIndex("features"));
      clean.put(r.getLong(r.fieldIndex("id")), new float[] {f.get(0), f.get(1)});
    }
  }

  private static List<Row> attack(String out, List<Double> domain) {
    AdversarialConfig cfg = ConfigLoader.of(AdversarialConfig.class, "input", input, "model", model, "output", out, "epsilon", EPS, "pgd_steps", 7, "pgd_step_size", 0.05, "domain", domain, "batch_size", 64, "partitions", 3, "device", "cpu", "run_id", "adv", "quarantine", false);
    JobRegistry.run(TestSpark.get(), cfg);
    assertEquals(List.of("input row", 300L, 300L, 0L, 600L), JobFixtures.runCounts(out, "adv"), "a row per sample and attack");
    return TestSpark.get().read().parquet(out + "/" + AdversarialJob.TABLE).collectAsList();
  }

  /** One float32 rounding of a value of this size. */
  private static double ulp(double v) {
    return Math.ulp((float) Math.max(1, Math.abs(v)));
  }

  @Test
  void fgsmMovesEveryCoordinateByEpsilonAlongTheGradientSign() {
    List<Row> rows = attack(tmp.resolve("plain").toString(), null);
    try (ReluMlpNetwork network = TesseraModelFormat.load(Path.of(model), Device.cpu())) {
      for (Row row : rows) {
        long id = row.getAs("id");
        float[] x = clean.get(id);
        List<Float> adv = row.getList(row.fieldIndex("features"));
        double linf = 0;
        for (int k = 0; k < 2; k++) {
          double delta = adv.get(k) - (double) x[k];
          linf = Math.max(linf, Math.abs(delta));
          if (row.getAs("split").equals("pgd")) {
            assertTrue(Math.abs(delta) <= EPS + ulp(x[k]), "PGD stays inside its ball: " + delta);
          }
        }
        assertEquals(linf, row.<Double>getAs("linf"), 1e-12);
        if (row.getAs("split").equals("fgsm")) {
          float[] grad = network.lossGradient(x, 1, new int[] {row.getAs("label")});
          for (int k = 0; k < 2; k++) {
            double delta = adv.get(k) - (double) x[k];
            assertEquals(EPS * Math.signum(grad[k]), delta, ulp(x[k]) + ulp(EPS), "sample " + id);
          }
          assertEquals(EPS, linf, 2 * ulp(EPS + 1));
        }
        assertEquals(EPS, row.<Double>getAs("epsilon"));
        float[] advOut = network.forward(new float[] {adv.get(0), adv.get(1)}, 1);
        assertEquals(advOut[1] > advOut[0] ? 1 : 0, row.<Integer>getAs("adversarial_prediction"));
      }
    }
  }

  @Test
  void domainClipsAndTheOutputIsADatasetOtherJobsRead() {
    String out = tmp.resolve("clipped").toString();
    for (Row row : attack(out, List.of(-0.5, 0.5))) {
      for (Object v : row.getList(row.fieldIndex("features"))) {
        assertTrue((Float) v >= -0.5f && (Float) v <= 0.5f, "clipped to the domain: " + v);
      }
    }
    String partition = out + "/" + AdversarialJob.TABLE + "/run_id=adv";
    assertEquals(600, DatasetIO.read(TestSpark.get(), partition).count());
    JobRun.Result patterns = JobRegistry.run(TestSpark.get(),
        ConfigLoader.of(PatternsConfig.class, "input", partition, "model", model, "output", out, "batch_size", 128, "partitions", 0, "device", "cpu", "run_id", "on-adversarial", "quarantine", false, "splits", List.of("fgsm")));
    assertEquals(300, patterns.counts().rowsOut());
  }

  @Test
  void missingLabelsAndBadSettingsAreClearErrors() {
    String unlabeled = tmp.resolve("unlabeled").toString();
    DatasetIO.write(TestSpark.get(), new LabeledPoints(new float[][] {{0.1f, 0.2f}}, null, null), Splits.constant(1, "train"), unlabeled, false);
    for (String[] bad : new String[][] {
        {"input=" + unlabeled, "column label is NULL"},
        {"epsilon=0", "epsilon must be a finite number > 0"},
        {"attacks=[cw]", "attacks must be distinct names from [fgsm, pgd]"},
        {"domain=[1, 0]", "domain must be [lo, hi] with lo < hi"},
        {"pgd_steps=0", "pgd_steps must be >= 1"}}) {
      StringWriter err = new StringWriter();
      int status = TesseraMain.execute(new PrintWriter(err), "run", "adversarial", "--set", "input=" + input, "--set", "model=" + model,
          "--set", "output=" + tmp.resolve("bad"), "--set", "epsilon=0.1", "--set", bad[0]);
      assertEquals(2, status, err.toString());
      assertTrue(err.toString().contains(bad[1]), err.toString());
    }
  }
}
