package io.tessera.jobs.localmaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.tessera.JobFixtures;
import io.tessera.TesseraException;
import io.tessera.TestSpark;
import io.tessera.config.ConfigLoader;
import io.tessera.data.DatasetIO;
import io.tessera.data.LabeledPoints;
import io.tessera.data.Splits;
import io.tessera.data.SyntheticDatasets;
import io.tessera.jobs.JobRegistry;
import io.tessera.math.MlpWeights;
import io.tessera.model.DevicePolicy;
import io.tessera.model.Network;
import io.tessera.model.classifier.TesseraModelFormat;
import io.tessera.model.load.ModelLoader;
import io.tessera.run.JobRun;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JacobiansJobTest {
  @TempDir static Path tmp;
  static String input;
  static String model;
  static Map<Long, double[]> features;

  @BeforeAll
  static void fixtures() {
    input = JobFixtures.xorDataset(tmp, 120);
    model = JobFixtures.tinyModel(tmp);
    features = JobFixtures.featuresById(input);
  }

  @Test
  void exactMapsEqualAutogradAndReproduceTheNetworkAcrossTheRegion() {
    String out = tmp.resolve("maps").toString();
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(JacobiansConfig.class, "input", input, "model", model, "output", out, "method", "auto", "batch_size", 32, "partitions", 3, "device", "cpu", "run_id", "exact", "quarantine", false));
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(JacobiansConfig.class, "input", input, "model", model, "output", out, "method", "autograd", "batch_size", 32, "partitions", 2, "device", "cpu", "run_id", "autograd", "quarantine", false));
    List<Object> twoMapsPerRow = List.of("input row", 120L, 120L, 0L, 240L); // a map per row and output (two classes)
    assertEquals(twoMapsPerRow, JobFixtures.runCounts(out, "exact"));
    assertEquals(twoMapsPerRow, JobFixtures.runCounts(out, "autograd"));
    Map<String, Row> byAutograd = new HashMap<>();
    for (Row r : TestSpark.get().read().parquet(out + "/local_maps/run_id=autograd").collectAsList()) {
      byAutograd.put(r.<Long>getAs("sample_id") + "/" + r.<Integer>getAs("output"), r);
    }
    MlpWeights weights = TesseraModelFormat.load(Path.of(model), Device.cpu()).weights();
    List<Row> rows = TestSpark.get().read().parquet(out + "/local_maps/run_id=exact").collectAsList();
    assertEquals(240, rows.size(), "two outputs per sample");
    for (Row r : rows) {
      assertEquals("exact", r.getAs("method"));
      long id = r.getAs("sample_id");
      int o = r.getAs("output");
      double[] g = floats(r);
      double[] ga = floats(byAutograd.get(id + "/" + o));
      for (int k = 0; k < 2; k++) {
        assertEquals(ga[k], g[k], 1e-5 * Math.max(1, Math.abs(ga[k])), "sample " + id + ", output " + o);
      }
      assertEquals(Math.hypot(g[0], g[1]), r.<Double>getAs("gradient_norm"), 1e-6);
      // The affine map is exact on the whole region: check it at a point nearby with the same pattern.
      double[] x = features.get(id);
      double[] nearby = {x[0] + 1e-4, x[1] - 1e-4};
      if (Arrays.equals(weights.pattern(x), weights.pattern(nearby))) {
        double predicted = g[0] * nearby[0] + g[1] * nearby[1] + r.<Double>getAs("bias");
        assertEquals(weights.evaluate(nearby).output()[o], predicted, 1e-5);
      }
    }
  }

  @Test
  void autogradMapsOfASmoothTorchScriptModelMatchFiniteDifferences() throws Exception {
    Path fixture = Path.of(JacobiansJobTest.class.getResource("/models/tanh-mlp-3-8-2.pt").toURI());
    String data = tmp.resolve("gaussians").toString();
    var points = SyntheticDatasets.generate(SyntheticDatasets.Kind.THREE_GAUSSIANS, 40, 3, 3);
    DatasetIO.write(TestSpark.get(), points, Splits.trainTest(40, 0.25), data, false);
    String out = tmp.resolve("smooth").toString();
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(JacobiansConfig.class, "input", data, "model", fixture.toString(), "output", out, "method", "auto", "batch_size", 16, "partitions", 2, "device", "cpu", "run_id", "tanh", "quarantine", false));
    Network network = ModelLoader.load(fixture.toString(), DevicePolicy.CPU, new Configuration());
    Map<Long, float[]> x = new HashMap<>();
    for (Row r : TestSpark.get().read().parquet(data).collectAsList()) {
      List<Float> f = r.getList(r.fieldIndex("features"));
      x.put(r.getLong(r.fieldIndex("id")), new float[] {f.get(0), f.get(1), f.get(2)});
    }
    List<Row> rows = TestSpark.get().read().parquet(out + "/local_maps").collectAsList();
    assertEquals(80, rows.size());
    float h = 1e-2f;
    for (Row r : rows) {
      assertEquals("autograd", r.getAs("method"));
      float[] xi = x.get(r.<Long>getAs("sample_id"));
      int o = r.getAs("output");
      double[] g = floats(r);
      for (int k = 0; k < 3; k++) {
        float[] up = xi.clone();
        float[] down = xi.clone();
        up[k] += h;
        down[k] -= h;
        double central = (network.forward(up, 1)[o] - network.forward(down, 1)[o]) / (2.0 * h);
        assertEquals(central, g[k], 2e-3, "central difference, output " + o + ", input " + k);
      }
      double f = network.forward(xi, 1)[o];
      assertEquals(f, g[0] * xi[0] + g[1] * xi[1] + g[2] * xi[2] + r.<Double>getAs("bias"), 1e-5, "b = f(x) - J x");
    }
    TesseraException e = assertThrows(TesseraException.class, () -> JobRegistry.run(TestSpark.get(),
        ConfigLoader.of(JacobiansConfig.class, "input", data, "model", fixture.toString(), "output", out, "method", "exact", "batch_size", 16, "partitions", 2, "device", "cpu", "run_id", "bad", "quarantine", false)));
    assertTrue(e.getMessage().contains("not one: use autograd"), e.getMessage());
  }

  @Test
  void theFiguresDrawTheMaps() throws Exception {
    String out = tmp.resolve("figures").toString();
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(JacobiansConfig.class, "input", input, "model", model, "output", out, "method", "auto", "batch_size", 64, "partitions", 2, "device", "cpu", "run_id", "xor", "quarantine", false));
    Path dual = tmp.resolve("dual.png");
    java.io.StringWriter err = new java.io.StringWriter();
    assertEquals(0, io.tessera.cli.TesseraMain.execute(new java.io.PrintWriter(err), "report", "dual-space",
        "--maps", out + "/local_maps/run_id=xor", "--out", dual.toString()), err.toString());
    assertEquals(800, io.tessera.PngChecks.assertFigure(dual, 800, 400).getWidth());
    // Gradients need square inputs: a 4-input (2 x 2 "image") net.
    Path fourDir = tmp.resolve("four");
    float[] x = io.tessera.TestModels.randomInputs(5, 200, 4);
    float[] y = new float[200];
    for (int i = 0; i < 200; i++) {
      y[i] = x[4 * i] + x[4 * i + 3] > 0 ? 1 : 0;
    }
    io.tessera.model.classifier.NetworkTrainer.train(new io.tessera.model.classifier.TrainingSet(x, y, 200, 4), null, new io.tessera.model.classifier.TrainSpec("four",
        io.tessera.model.classifier.ModelCard.Task.CLASSIFICATION, List.of(6), 2, 2, 32, 0.01, 5, DevicePolicy.CPU, "test"), fourDir, line -> {});
    String data = tmp.resolve("four-data").toString();
    DatasetIO.write(TestSpark.get(), SyntheticDatasets.generate(SyntheticDatasets.Kind.THREE_GAUSSIANS, 20, 6, 4), Splits.trainTest(20, 0.25), data, false);
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(JacobiansConfig.class, "input", data, "model", fourDir.toString(), "output", out, "method", "auto", "batch_size", 8, "partitions", 1, "device", "cpu", "run_id", "four", "quarantine", false));
    Path grads = tmp.resolve("gradients.png");
    assertEquals(0, io.tessera.cli.TesseraMain.execute(new java.io.PrintWriter(err), "report", "gradients",
        "--maps", out + "/local_maps/run_id=four," + out + "/local_maps/run_id=four", "--sample", "3", "--out", grads.toString()), err.toString());
    var image = io.tessera.PngChecks.assertFigure(grads, 2 * 220, 2 * 240);
    assertTrue(image.getWidth() >= 2 * 220 && image.getHeight() >= 2 * 240, "2 models x 2 outputs: " + image.getWidth() + " x " + image.getHeight());
    assertEquals(2, io.tessera.cli.TesseraMain.execute(new java.io.PrintWriter(err), "report", "gradients",
        "--maps", out + "/local_maps/run_id=xor", "--sample", "3", "--out", grads.toString()));
    assertTrue(err.toString().contains("not square images"), err.toString());
  }

  private static double[] floats(Row r) {
    return r.<Float>getList(r.fieldIndex("gradient")).stream().mapToDouble(Float::doubleValue).toArray();
  }

  @Test
  void samplesWhoseModelOutputOverflowsAreRefusedOrQuarantined() {
    // Finite inputs pass validation, but 3e38 overflows the network's float32 output: bias = f(x) - J x is not finite.
    LabeledPoints xor = SyntheticDatasets.generate(SyntheticDatasets.Kind.XOR, 20, 11, 2);
    float[][] x = xor.features().clone();
    x[7] = new float[] {3e38f, -3e38f};
    String data = tmp.resolve("overflow").toString();
    DatasetIO.write(TestSpark.get(), new LabeledPoints(x, xor.labels(), null), Splits.trainTest(20, 0.25), data, false);
    String out = tmp.resolve("overflow-maps").toString();
    TesseraException refused = assertThrows(TesseraException.class, () ->
        JobRegistry.run(TestSpark.get(), ConfigLoader.of(JacobiansConfig.class, "input", data, "model", model, "output", out, "method", "auto", "batch_size", 8, "partitions", 2, "device", "cpu", "run_id", "refused", "quarantine", false)));
    assertTrue(refused.getMessage().matches(".*sample id 7 \\(split '\\w+'\\): model output column \\w+ is NaN or infinite.*"),
        refused.getMessage());
    assertTrue(!java.nio.file.Files.exists(Path.of(out, "local_maps")), "no table for a refused run");

    JobRun.Result kept = JobRegistry.run(TestSpark.get(), ConfigLoader.of(JacobiansConfig.class, "input", data, "model", model, "output", out, "method", "auto", "batch_size", 8, "partitions", 2, "device", "cpu", "run_id", "kept", "quarantine", true));
    assertEquals(new JobRun.Counts(20, 19, 1), kept.counts());
    List<Row> maps = TestSpark.get().read().parquet(out + "/local_maps/run_id=kept").collectAsList();
    assertEquals(38, maps.size());
    assertTrue(maps.stream().noneMatch(r -> r.<Long>getAs("sample_id") == 7));
    List<Row> rejects = TestSpark.get().read().parquet(out + "/_rejects/run_id=kept").collectAsList();
    assertEquals(1, rejects.size());
    assertEquals(7L, rejects.get(0).<Long>getAs("sample_id"));
    assertTrue(rejects.get(0).<String>getAs("reason").startsWith("model output column "), rejects.get(0).toString());
  }
}
