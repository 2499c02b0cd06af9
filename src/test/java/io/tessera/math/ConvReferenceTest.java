package io.tessera.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.math.ConvReference.Conv;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The float64 convolution reference against closed forms and central differences of its own forward pass. */
class ConvReferenceTest {
  @Test
  void aDeltaKernelShiftsTheImageAndPaddingReadsZeros() {
    // 3x3 kernel with a single 1 at (0, 2), padding 1: y[i, j] = x[i - 1, j + 1], zero off the image.
    Conv c = new Conv(1, 1, 4, 1, 3, 1, 1);
    double[] x = new double[16];
    for (int i = 0; i < 16; i++) {
      x[i] = i + 1;
    }
    double[] w = new double[9];
    w[2] = 1;
    double[] y = ConvReference.forward(c, x, w, new double[] {0.5});
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        double want = i >= 1 && j + 1 < 4 ? x[(i - 1) * 4 + j + 1] : 0;
        assertEquals(want + 0.5, y[i * 4 + j], 0, "y[" + i + "," + j + "]");
      }
    }
  }

  @Test
  void strideTwoKeepsEveryOtherOutput() {
    Conv full = new Conv(2, 3, 7, 2, 3, 1, 1);
    Conv strided = new Conv(2, 3, 7, 2, 3, 2, 1);
    SplittableRandom random = new SplittableRandom(1);
    double[] x = gaussian(random, full.inputSize());
    double[] w = gaussian(random, full.weightSize());
    double[] b = gaussian(random, 2);
    double[] dense = ConvReference.forward(full, x, w, b);
    double[] sparse = ConvReference.forward(strided, x, w, b);
    assertEquals(4, strided.outSide());
    for (int p = 0; p < 4; p++) {
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
          assertEquals(dense[(p * 7 + 2 * i) * 7 + 2 * j], sparse[(p * 4 + i) * 4 + j], 1e-12);
        }
      }
    }
  }

  @Test
  void gradientsMatchCentralDifferencesOfTheLoss() {
    // L = sum g * relu(maxpool(conv(x))): every gradient formula against (L(v + h) - L(v - h)) / 2h.
    Conv c = new Conv(2, 2, 9, 3, 3, 1, 1);
    SplittableRandom random = new SplittableRandom(2);
    double[] x = gaussian(random, c.inputSize());
    double[] w = gaussian(random, c.weightSize());
    double[] b = gaussian(random, c.filters());
    int planes = c.batch() * c.filters();
    double[] g = gaussian(random, planes * 16);
    double[] y = ConvReference.forward(c, x, w, b);
    double[] pooled = ConvReference.maxPool2(y, planes, c.outSide());
    double[] gy = ConvReference.maxPool2Gradient(y, planes, c.outSide(), ConvReference.reluGradient(pooled, g));
    double h = 1e-6;
    double[] dx = ConvReference.inputGradient(c, w, gy);
    double[] dw = ConvReference.weightGradient(c, x, gy);
    double[] db = ConvReference.biasGradient(c, gy);
    for (int k = 0; k < x.length; k += 7) {
      assertEquals(difference(c, x, w, b, g, x, k, h), dx[k], 1e-6, "dL/dx[" + k + "]");
    }
    for (int k = 0; k < w.length; k++) {
      assertEquals(difference(c, x, w, b, g, w, k, h), dw[k], 1e-6, "dL/dw[" + k + "]");
    }
    for (int k = 0; k < b.length; k++) {
      assertEquals(difference(c, x, w, b, g, b, k, h), db[k], 1e-6, "dL/db[" + k + "]");
    }
  }

  @Test
  void maxPoolDropsTheOddEdgeAndRoutesGradientToTheMaximum() {
    double[] x = {1, 5, 0, 2, 3, 9, 4, 7, 8};
    assertArrayEquals(new double[] {5}, ConvReference.maxPool2(x, 1, 3));
    assertArrayEquals(new double[] {0, 2.5, 0, 0, 0, 0, 0, 0, 0}, ConvReference.maxPool2Gradient(x, 1, 3, new double[] {2.5}));
  }

  private static double difference(Conv c, double[] x, double[] w, double[] b, double[] g, double[] varied, int k, double h) {
    double keep = varied[k];
    varied[k] = keep + h;
    double up = loss(c, x, w, b, g);
    varied[k] = keep - h;
    double down = loss(c, x, w, b, g);
    varied[k] = keep;
    return (up - down) / (2 * h);
  }

  private static double loss(Conv c, double[] x, double[] w, double[] b, double[] g) {
    int planes = c.batch() * c.filters();
    double[] out = ConvReference.relu(ConvReference.maxPool2(ConvReference.forward(c, x, w, b), planes, c.outSide()));
    double sum = 0;
    for (int i = 0; i < out.length; i++) {
      sum += g[i] * out[i];
    }
    return sum;
  }

  private static double[] gaussian(SplittableRandom random, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = random.nextGaussian();
    }
    return out;
  }
}
