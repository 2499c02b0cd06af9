package io.tessera.model.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TesseraException;
import io.tessera.TestModels;
import io.tessera.model.CardJson;
import io.tessera.model.DevicePolicy;
import io.tessera.model.DjlRuntime;
import io.tessera.model.Network;
import io.tessera.model.load.ModelLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkTrainerTest {
  @TempDir Path tmp;

  @Test
  void trainsSavesAndReloadsTheSameNetwork() {
    Path dir = tmp.resolve("xor");
    ModelCard card = TestModels.trainTiny(dir, 3, 40);
    assertTrue(card.training().metrics().get("train_accuracy") > 0.9, "a 12-8 MLP learns the XOR quadrants: " + card.training().metrics());
    assertEquals(List.of(12, 8), card.hidden());
    assertEquals(ModelCard.FORMAT, card.format());
    assertTrue(Files.exists(dir.resolve(CardJson.FILE_NAME)));

    Network loaded = ModelLoader.load(dir.toString(), DevicePolicy.CPU, new Configuration());
    assertTrue(loaded instanceof ReluMlpNetwork);
    assertEquals("xor", loaded.id());
    float[] x = TestModels.randomInputs(1, 50, 2);
    float[] y = loaded.forward(x, 50);
    int correct = 0;
    for (int i = 0; i < 50; i++) {
      int truth = (x[2 * i] > 0) ^ (x[2 * i + 1] > 0) ? 1 : 0;
      correct += (y[2 * i + 1] > y[2 * i] ? 1 : 0) == truth ? 1 : 0;
    }
    assertTrue(correct >= 40, "reloaded model still classifies: " + correct + "/50");
    loaded.close();
  }

  @Test
  void sameSeedGivesTheSameWeights() {
    TestModels.trainTiny(tmp.resolve("a"), 5, 3);
    TestModels.trainTiny(tmp.resolve("b"), 5, 3);
    ReluMlpNetwork a = TesseraModelFormat.load(tmp.resolve("a"), ai.djl.Device.cpu());
    ReluMlpNetwork b = TesseraModelFormat.load(tmp.resolve("b"), ai.djl.Device.cpu());
    for (int l = 0; l < a.weights().layers(); l++) {
      for (int r = 0; r < a.weights().weight(l).length; r++) {
        assertArrayEquals(a.weights().weight(l)[r], b.weights().weight(l)[r], 0.0);
      }
      assertArrayEquals(a.weights().bias(l), b.weights().bias(l), 0.0);
    }
    a.close();
    b.close();
  }

  @Test
  void missingAndCorruptModelsAreClearErrors() throws Exception {
    Configuration conf = new Configuration();
    TesseraException missing = assertThrows(TesseraException.class,
        () -> ModelLoader.load(tmp.resolve("nope").toString(), DevicePolicy.CPU, conf));
    assertTrue(missing.getMessage().contains("model not found"), missing.getMessage());

    Path dir = tmp.resolve("corrupt");
    TestModels.trainTiny(dir, 1, 1);
    Path params = dir.resolve("mlp-0000.params");
    Files.write(params, java.util.Arrays.copyOf(Files.readAllBytes(params), 100));
    TesseraException corrupt = assertThrows(TesseraException.class, () -> ModelLoader.load(dir.toString(), DevicePolicy.CPU, conf));
    assertTrue(corrupt.getMessage().contains("corrupt model parameters in " + dir), corrupt.getMessage());

    Path poisoned = tmp.resolve("nan-weights");
    TestModels.trainTiny(poisoned, 1, 1);
    try (ai.djl.Model model = ai.djl.Model.newInstance(TesseraModelFormat.PARAMS_NAME, ai.djl.Device.cpu(), DjlRuntime.ENGINE)) {
      model.setBlock(MlpBlocks.build(List.of(12, 8), 2));
      model.getBlock().initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 2));
      model.load(poisoned, TesseraModelFormat.PARAMS_NAME);
      model.getBlock().getParameters().get(2).getValue().getArray().set(new ai.djl.ndarray.index.NDIndex("0, 0"), Float.NaN);
      model.save(poisoned, TesseraModelFormat.PARAMS_NAME);
    }
    TesseraException nan = assertThrows(TesseraException.class, () -> ModelLoader.load(poisoned.toString(), DevicePolicy.CPU, conf));
    assertTrue(nan.getMessage().matches("model parameters in .*nan-weights: \\S+ holds NaN or infinite values.*"), nan.getMessage());

    Path badCard = tmp.resolve("bad-card");
    TestModels.trainTiny(badCard, 1, 1);
    Files.writeString(badCard.resolve(CardJson.FILE_NAME), "{\"format\": ");
    TesseraException card = assertThrows(TesseraException.class, () -> ModelLoader.load(badCard.toString(), DevicePolicy.CPU, conf));
    assertTrue(card.getMessage().contains("corrupt model card"), card.getMessage());

    Path garbage = tmp.resolve("garbage.pt");
    Files.writeString(garbage, "not a torchscript archive");
    TesseraException pt = assertThrows(TesseraException.class, () -> ModelLoader.load(garbage.toString(), DevicePolicy.CPU, conf));
    assertTrue(pt.getMessage().contains("corrupt TorchScript model"), pt.getMessage());
  }

  @Test
  void forcedGpuWithoutAGpuIsAnError() {
    org.junit.jupiter.api.Assumptions.assumeTrue(DjlRuntime.engine().getGpuCount() == 0, "this machine has a GPU");
    TesseraException e = assertThrows(TesseraException.class, DevicePolicy.GPU::resolve);
    assertTrue(e.getMessage().contains("no GPU"), e.getMessage());
    assertEquals(ai.djl.Device.cpu(), DevicePolicy.AUTO.resolve());
    assertThrows(TesseraException.class, () -> DevicePolicy.parse("tpu"));
  }

  @Test
  void aDivergingLossStopsTrainingNamingTheModelAndTheStep() {
    // Targets of 1e20 square to infinity in float32: the first batch's loss is not finite.
    int n = 16;
    float[] x = new float[n * 2];
    float[] y = new float[n];
    java.util.Arrays.fill(y, 1e20f);
    TrainSpec spec = new TrainSpec("huge-targets", ModelCard.Task.REGRESSION, List.of(4), 1, 3, 8, 0.01, 1, DevicePolicy.CPU, "huge", List.of());
    Path dir = tmp.resolve("huge");
    TesseraException e = assertThrows(TesseraException.class,
        () -> NetworkTrainer.train(new TrainingSet(x, y, n, 2), null, spec, dir, line -> {}));
    assertTrue(e.getMessage().contains("training model 'huge-targets' diverged: the loss is Infinity at epoch 1 of 3, batch 1"),
        e.getMessage());
    assertFalse(Files.exists(dir), "nothing is saved");
  }
}
