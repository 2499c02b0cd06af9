package io.tessera.model.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.nn.Parameter;
import io.tessera.TesseraException;
import io.tessera.math.ConvReference;
import io.tessera.model.BlockNetwork;
import io.tessera.model.DevicePolicy;
import io.tessera.model.Network;
import io.tessera.model.conv.ConvKernel;
import io.tessera.model.conv.Convolutions;
import io.tessera.model.load.ModelLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A small CNN trained by Tessera: card, reload, and autograd local maps on a piecewise-linear net,
 * checked against the forward pass and against a float64 Jacobian of the same weights, with the
 * kernel the self-check chose for this CPU and with the matmul kernel that replaces a wrong engine kernel.
 */
class ConvNetworkTest {
  private static final int SIDE = 12;
  private static final int DIM = SIDE * SIDE;

  @TempDir Path tmp;

  @AfterEach
  void forget() {
    Convolutions.reset();
  }

  @ParameterizedTest
  @ValueSource(strings = {"auto", "matmul"})
  void trainsReloadsAndGivesTheLocalLinearMap(String kernel) {
    Convolutions.set(Device.cpu(), Convolutions.choose(Device.cpu(), List.of(ConvKernel.ENGINE, ConvKernel.MATMUL), kernel));
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
    assertTrue(card.training().metrics().get("train_accuracy") > 0.95, "a 4-filter CNN tells left blobs from right ones: " + card.training().metrics());

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
      assertMatchesFloat64Jacobian((BlockNetwork) net, inputs, batch, jacobians);
    }
  }

  /**
   * The CNN's Jacobian recomputed in float64 from its own parameters (conv 5x5, 2x2 max-pool, ReLU,
   * dense ReLU, linear) by {@link ConvReference}. Samples with a pooling near-tie or a ReLU input
   * near zero are skipped: float32 and float64 may take different sides of such a kink.
   */
  private static void assertMatchesFloat64Jacobian(BlockNetwork net, float[] inputs, int batch, float[] jacobians) {
    List<Parameter> p = net.block.getParameters().values();
    double[] convW = values(p.get(0));
    double[] convB = values(p.get(1));
    double[] w1 = values(p.get(2));
    double[] b1 = values(p.get(3));
    double[] w2 = values(p.get(4));
    int filters = convB.length;
    int hidden = b1.length;
    ConvReference.Conv conv = new ConvReference.Conv(1, 1, SIDE, filters, 5, 1, 0);
    int out = conv.outSide();
    int flat = filters * (out / 2) * (out / 2);
    int checked = 0;
    for (int i = 0; i < batch; i++) {
      double[] x = new double[DIM];
      for (int k = 0; k < DIM; k++) {
        x[k] = inputs[i * DIM + k];
      }
      double[] y = ConvReference.forward(conv, x, convW, convB);
      double[] pooled = ConvReference.maxPool2(y, filters, out);
      double[] r = ConvReference.relu(pooled);
      double[] pre = new double[hidden];
      double margin = Double.MAX_VALUE;
      for (int h = 0; h < hidden; h++) {
        pre[h] = b1[h];
        for (int k = 0; k < flat; k++) {
          pre[h] += w1[h * flat + k] * r[k];
        }
        margin = Math.min(margin, Math.abs(pre[h]));
      }
      for (double v : pooled) {
        margin = Math.min(margin, Math.abs(v));
      }
      margin = Math.min(margin, poolingGap(y, filters, out));
      if (margin < 1e-4) {
        continue;
      }
      checked++;
      for (int o = 0; o < 2; o++) {
        double[] gh = new double[hidden];
        for (int h = 0; h < hidden; h++) {
          gh[h] = pre[h] > 0 ? w2[o * hidden + h] : 0;
        }
        double[] gr = new double[flat];
        for (int h = 0; h < hidden; h++) {
          for (int k = 0; k < flat; k++) {
            gr[k] += w1[h * flat + k] * gh[h];
          }
        }
        double[] gy = ConvReference.maxPool2Gradient(y, filters, out, ConvReference.reluGradient(pooled, gr));
        double[] dx = ConvReference.inputGradient(conv, convW, gy);
        double scale = java.util.Arrays.stream(dx).map(Math::abs).max().orElse(0);
        for (int k = 0; k < DIM; k++) {
          assertEquals(dx[k], jacobians[(i * 2 + o) * DIM + k], 1e-5 * scale + 1e-7, "sample " + i + ", output " + o + ", pixel " + k);
        }
      }
    }
    assertTrue(checked >= 8, "only " + checked + " of " + batch + " samples were away from every kink");
  }

  /** The smallest gap between the largest and second largest value of a 2x2 pooling window. */
  private static double poolingGap(double[] y, int planes, int side) {
    double gap = Double.MAX_VALUE;
    for (int p = 0; p < planes; p++) {
      for (int i = 0; i + 1 < side; i += 2) {
        for (int j = 0; j + 1 < side; j += 2) {
          double[] w = {y[(p * side + i) * side + j], y[(p * side + i) * side + j + 1], y[(p * side + i + 1) * side + j],
              y[(p * side + i + 1) * side + j + 1]};
          java.util.Arrays.sort(w);
          gap = Math.min(gap, w[3] - w[2]);
        }
      }
    }
    return gap;
  }

  private static double[] values(Parameter parameter) {
    float[] v = parameter.getArray().toFloatArray();
    double[] out = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      out[k] = v[k];
    }
    return out;
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
