package io.tessera.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TesseraException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small CNN trained by Tessera: card, reload, and autograd local maps on a piecewise-linear net. */
class ConvNetworkTest {
  private static final int SIDE = 12;
  private static final int DIM = SIDE * SIDE;

  @TempDir Path tmp;

  @Test
  void trainsReloadsAndGivesTheLocalLinearMap() {
    int n = 400;
    float[] x = new float[n * DIM];
    float[] y = new float[n];
    Random random = new Random(3);
    for (int i = 0; i < n; i++) {
      // Class 1: a bright 3x3 blob in the left half; class 0: in the right half; noise everywhere.
      y[i] = i % 2;
      int col = (y[i] == 1 ? 1 : SIDE / 2 + 1) + random.nextInt(SIDE / 2 - 4);
      int row = 1 + random.nextInt(SIDE - 4);
      for (int k = 0; k < DIM; k++) {
        x[i * DIM + k] = (float) (0.1 * random.nextGaussian());
      }
      for (int r = row; r < row + 3; r++) {
        for (int c = col; c < col + 3; c++) {
          x[i * DIM + r * SIDE + c] += 1f;
        }
      }
    }
    Path dir = tmp.resolve("cnn");
    TrainSpec spec = new TrainSpec("cnn", ModelCard.Task.CLASSIFICATION, List.of(8), 2, 8, 32, 0.01, 4, DevicePolicy.CPU,
        "blobs", List.of(4));
    ModelCard card = NetworkTrainer.train(new TrainingSet(x, y, n, DIM), null, spec, dir, line -> {});
    assertEquals(ModelCard.CNN_FORMAT, card.format());
    assertEquals(List.of(1, SIDE, SIDE), card.inputShape());
    assertTrue(card.metrics().get("train_accuracy") > 0.95, "a 4-filter CNN tells left blobs from right ones: " + card.metrics());

    TesseraException notMlp = assertThrows(TesseraException.class, () -> TesseraModelFormat.load(dir, ai.djl.Device.cpu()));
    assertTrue(notMlp.getMessage().contains("convolutional"), notMlp.getMessage());

    try (Network net = ModelLoader.load(dir.toString(), DevicePolicy.CPU, new Configuration())) {
      assertFalse(net instanceof ReluMlpNetwork);
      assertEquals(DIM, net.inputDim());
      assertEquals(2, net.outputDim());
      int batch = 10;
      float[] inputs = java.util.Arrays.copyOf(x, batch * DIM);
      float[] outputs = net.forward(inputs, batch);
      assertArrayEquals(outputs, net.forward(inputs, batch), 0f);
      float[] jacobians = net.jacobian(inputs, batch);
      // The net is piecewise linear (conv, max-pool, ReLU): wherever it is linear along a step
      // (f(x + 2 step) - f(x) = 2 (f(x + step) - f(x)), up to float32 rounding), the change must
      // be exactly J step. Steps that cross a kink (max-pool ties are common) say nothing.
      float[] once = shifted(inputs, 1);
      float[] twice = shifted(inputs, 2);
      float[] afterOnce = net.forward(once, batch);
      float[] afterTwice = net.forward(twice, batch);
      int linear = 0;
      for (int i = 0; i < batch; i++) {
        boolean alongStep = true;
        double[] predicted = new double[2];
        for (int o = 0; o < 2; o++) {
          double change = afterOnce[i * 2 + o] - outputs[i * 2 + o];
          alongStep &= Math.abs(afterTwice[i * 2 + o] - outputs[i * 2 + o] - 2 * change) <= 1e-5 + 1e-3 * Math.abs(change);
          for (int k = 0; k < DIM; k++) {
            predicted[o] += jacobians[(i * 2 + o) * DIM + k] * (double) (once[i * DIM + k] - inputs[i * DIM + k]);
          }
        }
        if (alongStep) {
          linear++;
          for (int o = 0; o < 2; o++) {
            double change = afterOnce[i * 2 + o] - outputs[i * 2 + o];
            assertEquals(predicted[o], change, 1e-5 + 1e-3 * Math.abs(predicted[o]), "sample " + i + ", output " + o);
          }
        }
      }
      assertTrue(linear >= 5, "only " + linear + " of 10 samples were linear along their step, too few to test");
    }
  }

  /** The inputs plus {@code times} the same seeded step (sd 1e-3 per pixel). */
  private static float[] shifted(float[] inputs, int times) {
    Random steps = new Random(11);
    float[] out = inputs.clone();
    for (int k = 0; k < out.length; k++) {
      out[k] += (float) (times * 1e-3 * steps.nextGaussian());
    }
    return out;
  }
}
