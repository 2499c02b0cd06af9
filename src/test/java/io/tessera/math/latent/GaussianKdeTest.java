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

  /**
   * Two densities of the same codes, the second built from every code twice: one law, so with a
   * shared kernel they are equal everywhere, while the second's own Scott kernel (more codes, so
   * narrower) makes a difference out of the bandwidth alone.
   */
  @Test
  void densitiesThatShareTheKernelDifferOnlyByTheirCodes() {
    SplittableRandom random = new SplittableRandom(9);
    double[][] codes = new double[300][4];
    for (double[] c : codes) {
      for (int i = 0; i < 4; i++) {
        c[i] = random.nextGaussian();
      }
    }
    double[][] twice = new double[600][];
    for (int k = 0; k < 600; k++) {
      twice[k] = codes[k % 300];
    }
    GaussianKde train = new GaussianKde(codes);
    GaussianKde shared = new GaussianKde(twice, train.bandwidth());
    GaussianKde own = new GaussianKde(twice);
    double largestOwn = 0;
    for (int t = 0; t < 50; t++) {
      double[] z = new double[4];
      for (int i = 0; i < 4; i++) {
        z[i] = 2 * random.nextGaussian();
      }
      double[] p = train.densityAndGradient(z);
      double[] q = shared.densityAndGradient(z);
      for (int k = 0; k < 5; k++) {
        assertEquals(p[k], q[k], 1e-12 * Math.abs(p[0]) + 1e-300, "component " + k);
      }
      largestOwn = Math.max(largestOwn, Math.abs(own.densityAndGradient(z)[0] - p[0]) / p[0]);
    }
    org.junit.jupiter.api.Assertions.assertTrue(largestOwn > 0.05, "separate Scott kernels differ by " + largestOwn);
  }
}
