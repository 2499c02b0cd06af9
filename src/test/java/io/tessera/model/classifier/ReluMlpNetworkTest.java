package io.tessera.model.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.tessera.TestModels;
import io.tessera.math.BitPatterns;
import io.tessera.math.MlpWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DJL patterns and Jacobians against an independent float64 forward pass in plain Java. */
class ReluMlpNetworkTest {
  /** Pre-activations closer to 0 than this may round differently in float32 and float64. */
  private static final double MARGIN = 1e-4;

  @ParameterizedTest
  @ValueSource(strings = {"2,10,10,1", "3,5,2", "7,64,65,63,4", "784,340,340,340,340,340,10"})
  void patternsAndOutputsMatchThePlainJavaForwardPass(String architecture) {
    int[] widths = java.util.Arrays.stream(architecture.split(",")).mapToInt(Integer::parseInt).toArray();
    MlpWeights weights = TestModels.random(architecture.hashCode(), widths);
    int batch = 37;
    float[] x = TestModels.randomInputs(17, batch, widths[0]);
    try (ReluMlpNetwork network = new ReluMlpNetwork("random", weights, Device.cpu())) {
      ReluMlpNetwork.PatternBatch patterns = network.patterns(x, batch);
      ReluMlpNetwork.Activations activations = network.preActivations(x, batch);
      float[] forward = network.forward(x, batch);
      int checkedBits = 0;
      for (int i = 0; i < batch; i++) {
        double[] xi = new double[widths[0]];
        for (int k = 0; k < xi.length; k++) {
          xi[k] = x[i * widths[0] + k];
        }
        MlpWeights.Evaluation exact = weights.evaluate(xi);
        for (int l = 0; l < exact.preActivations().length; l++) {
          double[] z = exact.preActivations()[l];
          for (int k = 0; k < z.length; k++) {
            float engine = activations.preActivations()[l][i * z.length + k];
            assertEquals(z[k], engine, 1e-4 * Math.max(1, Math.abs(z[k])), "pre-activation, layer " + l + " unit " + k);
            assertEquals(engine > 0, BitPatterns.get(patterns.bits()[i][l], k), "bits are the signs of the reported pre-activations");
            if (Math.abs(z[k]) > MARGIN) {
              assertEquals(z[k] > 0, BitPatterns.get(patterns.bits()[i][l], k), "sample " + i + " layer " + l + " unit " + k);
              checkedBits++;
            }
          }
        }
        for (int o = 0; o < exact.output().length; o++) {
          double tolerance = 1e-4 * Math.max(1, Math.abs(exact.output()[o]));
          assertEquals(exact.output()[o], patterns.outputs()[i * exact.output().length + o], tolerance);
          assertEquals(patterns.outputs()[i * exact.output().length + o], forward[i * exact.output().length + o], 0f);
        }
      }
      int units = java.util.Arrays.stream(weights.hiddenWidths()).sum();
      assertTrue(checkedBits > 0.99 * units * batch, "almost all bits are far from the boundary: " + checkedBits);
    }
  }

  @Test
  void autogradJacobianEqualsTheMaskedWeightProduct() {
    MlpWeights weights = TestModels.random(4, 5, 16, 16, 3);
    int batch = 9;
    float[] x = TestModels.randomInputs(8, batch, 5);
    try (ReluMlpNetwork network = new ReluMlpNetwork("random", weights, Device.cpu())) {
      float[] jacobian = network.jacobian(x, batch);
      assertEquals(batch * 3 * 5, jacobian.length);
      for (int i = 0; i < batch; i++) {
        double[] xi = new double[5];
        for (int k = 0; k < 5; k++) {
          xi[k] = x[i * 5 + k];
        }
        double[][] exact = weights.jacobian(xi);
        for (int o = 0; o < 3; o++) {
          for (int k = 0; k < 5; k++) {
            double expected = exact[o][k];
            assertEquals(expected, jacobian[(i * 3 + o) * 5 + k], 1e-5 * Math.max(1, Math.abs(expected)));
          }
        }
      }
    }
  }

  @Test
  void maskedProductJacobiansEqualAutogradAndTheFloat64Reference() {
    MlpWeights weights = TestModels.random(31, 6, 12, 9, 7, 4);
    int batch = 11;
    float[] x = TestModels.randomInputs(32, batch, 6);
    try (ReluMlpNetwork network = new ReluMlpNetwork("random", weights, Device.cpu())) {
      ReluMlpNetwork.LocalMaps maps = network.localMaps(x, batch);
      float[] autograd = network.jacobian(x, batch);
      assertArrayEquals(network.forward(x, batch), maps.outputs(), 1e-6f);
      for (int i = 0; i < batch; i++) {
        double[] xi = new double[6];
        for (int k = 0; k < 6; k++) {
          xi[k] = x[i * 6 + k];
        }
        double[][] exact = weights.jacobian(xi);
        for (int o = 0; o < 4; o++) {
          for (int k = 0; k < 6; k++) {
            int at = (i * 4 + o) * 6 + k;
            double scale = Math.max(1, Math.abs(exact[o][k]));
            assertEquals(autograd[at], maps.jacobians()[at], 1e-5 * scale, "sample " + i + ", output " + o + ", input " + k);
            assertEquals(exact[o][k], maps.jacobians()[at], 1e-5 * scale);
          }
        }
      }
    }
  }

  @Test
  void everyCallFreesTheArraysItMade() {
    MlpWeights weights = TestModels.random(33, 6, 12, 9, 4);
    float[] x = TestModels.randomInputs(34, 5, 6);
    try (ReluMlpNetwork network = new ReluMlpNetwork("random", weights, Device.cpu())) {
      int held = network.manager.getManagedArrays().size();
      for (int call = 0; call < 3; call++) {
        network.localMaps(x, 5);
        network.jacobian(x, 5);
        network.patterns(x, 5);
        network.preActivations(x, 5);
        network.forward(x, 5);
      }
      assertEquals(held, network.manager.getManagedArrays().size(), "arrays left attached to the network's own manager");
    }
  }
}
