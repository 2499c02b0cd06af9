package io.tessera.model.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import io.tessera.TestModels;
import io.tessera.math.MlpWeights;
import org.junit.jupiter.api.Test;

/** Autograd loss gradients against the chain rule on the exact float64 Jacobian. */
class LossGradientTest {
  private static double[] row(float[] x, int i, int dim) {
    double[] r = new double[dim];
    for (int k = 0; k < dim; k++) {
      r[k] = x[i * dim + k];
    }
    return r;
  }

  @Test
  void softmaxCrossEntropyGradientIsJacobianTransposeTimesResidual() {
    MlpWeights weights = TestModels.random(21, 4, 9, 7, 3);
    int batch = 11;
    float[] x = TestModels.randomInputs(5, batch, 4);
    int[] labels = new int[batch];
    for (int i = 0; i < batch; i++) {
      labels[i] = i % 3;
    }
    try (ReluMlpNetwork network = new ReluMlpNetwork("m", weights, Device.cpu())) {
      float[] grad = network.lossGradient(x, batch, labels);
      for (int i = 0; i < batch; i++) {
        double[] xi = row(x, i, 4);
        double[] z = weights.evaluate(xi).output();
        double[][] j = weights.jacobian(xi);
        double max = Math.max(z[0], Math.max(z[1], z[2]));
        double norm = 0;
        for (double v : z) {
          norm += Math.exp(v - max);
        }
        for (int k = 0; k < 4; k++) {
          double expected = 0;
          for (int o = 0; o < 3; o++) {
            double residual = Math.exp(z[o] - max) / norm - (o == labels[i] ? 1 : 0);
            expected += j[o][k] * residual;
          }
          assertEquals(expected, grad[i * 4 + k], 1e-5 * Math.max(1, Math.abs(expected)));
        }
      }
    }
  }

  @Test
  void logisticGradientForASingleLogit() {
    MlpWeights weights = TestModels.random(22, 2, 8, 1);
    int batch = 9;
    float[] x = TestModels.randomInputs(6, batch, 2);
    int[] labels = new int[batch];
    for (int i = 0; i < batch; i++) {
      labels[i] = i % 2;
    }
    try (ReluMlpNetwork network = new ReluMlpNetwork("m", weights, Device.cpu())) {
      float[] grad = network.lossGradient(x, batch, labels);
      for (int i = 0; i < batch; i++) {
        double[] xi = row(x, i, 2);
        double z = weights.evaluate(xi).output()[0];
        double s = labels[i] == 1 ? 1 : -1;
        // d/dz log(1 + exp(-s z)) = -s * sigmoid(-s z)
        double dz = -s / (1 + Math.exp(s * z));
        double[][] j = weights.jacobian(xi);
        for (int k = 0; k < 2; k++) {
          assertEquals(dz * j[0][k], grad[i * 2 + k], 1e-5 * Math.max(1, Math.abs(dz * j[0][k])));
        }
      }
    }
  }
}
