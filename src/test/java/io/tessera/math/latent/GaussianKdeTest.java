package io.tessera.math.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The KDE against a direct sum of Gaussian kernels with Scott's covariance, and its gradient against differences. */
class GaussianKdeTest {
  @Test
  void densityIsTheMeanKernelAndTheGradientMatchesDifferences() {
    SplittableRandom random = new SplittableRandom(3);
    int m = 50;
    double[][] codes = new double[m][2];
    for (double[] c : codes) {
      c[0] = random.nextGaussian();
      c[1] = 0.5 * c[0] + 0.3 * random.nextGaussian();
    }
    GaussianKde kde = new GaussianKde(codes);
    double[] mean = new double[2];
    for (double[] c : codes) {
      mean[0] += c[0] / m;
      mean[1] += c[1] / m;
    }
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    for (double[] c : codes) {
      sxx += (c[0] - mean[0]) * (c[0] - mean[0]) / (m - 1);
      sxy += (c[0] - mean[0]) * (c[1] - mean[1]) / (m - 1);
      syy += (c[1] - mean[1]) * (c[1] - mean[1]) / (m - 1);
    }
    double scott = Math.pow(m, -2.0 / 6);
    double a = sxx * scott;
    double b = sxy * scott;
    double d = syy * scott;
    double det = a * d - b * b;
    double[] z = {0.3, -0.2};
    double direct = 0;
    for (double[] c : codes) {
      double x = z[0] - c[0];
      double y = z[1] - c[1];
      direct += Math.exp(-0.5 * (d * x * x - 2 * b * x * y + a * y * y) / det) / (2 * Math.PI * Math.sqrt(det) * m);
    }
    double[] p = kde.densityAndGradient(z);
    assertEquals(direct, p[0], 1e-12 * direct);
    double h = 1e-6;
    for (int k = 0; k < 2; k++) {
      double[] plus = z.clone();
      double[] minus = z.clone();
      plus[k] += h;
      minus[k] -= h;
      double fd = (kde.densityAndGradient(plus)[0] - kde.densityAndGradient(minus)[0]) / (2 * h);
      assertEquals(fd, p[k + 1], 1e-7 * Math.abs(p[0]));
    }
  }
}
