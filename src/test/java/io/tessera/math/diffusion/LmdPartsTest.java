package io.tessera.math.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** LMD's parts: masks, inpainting against an exact sampler, SSIM against a direct sum, AUC with ties. */
class LmdPartsTest {
  @Test
  void alternatingMasksAreComplementsThatCoverHalfTheImage() {
    for (int[] sideAndGrid : new int[][] {{32, 8}, {28, 8}, {28, 7}}) {
      int side = sideAndGrid[0];
      boolean[] first = CheckerboardMasks.alternating(side, sideAndGrid[1], 0);
      boolean[] second = CheckerboardMasks.alternating(side, sideAndGrid[1], 1);
      int known = 0;
      for (int k = 0; k < first.length; k++) {
        assertTrue(first[k] != second[k], "consecutive attempts are complements");
        known += first[k] ? 1 : 0;
      }
      assertEquals(0.5, known / (double) first.length, 0.02, side + " px, " + sideAndGrid[1] + " patches");
    }
    boolean[] patches = CheckerboardMasks.alternating(32, 8, 0);
    assertTrue(!patches[0] && !patches[3 * 32 + 3] && patches[4], "4x4 patches, patch (0, 0) inpainted at attempt 0");
    assertThrows(IllegalArgumentException.class, () -> CheckerboardMasks.alternating(28, 29, 0));
  }

  @Test
  void inpaintingWithTheExactReverseStepsSamplesTheDataDistribution() {
    // Gaussian data with independent pixels: with the exact reverse steps the inpainted pixels are
    // N(mu, sigma2) whatever the known ones are, except that the last step adds no noise (Ho's
    // convention), which removes that step's variance; the known pixels come back exactly.
    NoiseSchedule schedule = NoiseSchedule.scaledLinear(100);
    double[] mu = {0.5, -0.3, 0.2, 0.0};
    double sigma2 = 0.16;
    GaussianEpsilon eps = new GaussianEpsilon(mu, sigma2, schedule);
    ReverseVariance exact = (s, t) -> eps.marginalVariance(s) * (1 - schedule.alpha(s, t)) / eps.marginalVariance(t);
    int rows = 4000;
    double[] x = new double[rows * 4];
    boolean[][] known = new boolean[rows][];
    SplittableRandom[] noise = new SplittableRandom[rows];
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < 4; k++) {
        x[r * 4 + k] = 3.0 + k; // far from mu: must not leak into the inpainted pixels
      }
      known[r] = new boolean[] {true, false, true, false};
      noise[r] = new SplittableRandom(1000 + r);
    }
    double[] out = Inpainting.inpaint(x, known, rows, 4, schedule.uniformGrid(5), schedule, eps, exact, noise,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    for (int k : new int[] {1, 3}) {
      assertColumnIsGaussian(out, rows, 4, k, mu[k], sigma2, sigma2 - exact.of(0, 5));
    }
    for (int r = 0; r < rows; r++) {
      assertEquals(3.0, out[r * 4], 0);
      assertEquals(5.0, out[r * 4 + 2], 0);
    }
  }

  @Test
  void ancestralSamplingWithTheExactReverseStepsDrawsTheDataDistribution() {
    // Sampling is the walk with nothing known: with the exact reverse steps every coordinate is
    // N(mu, sigma2) but for the last step's variance, which Ho's convention leaves out; each row's
    // draw depends on its own stream only.
    NoiseSchedule schedule = NoiseSchedule.scaledLinear(100);
    double[] mu = {1.5, -0.7, 0.0};
    double sigma2 = 0.25;
    GaussianEpsilon eps = new GaussianEpsilon(mu, sigma2, schedule);
    ReverseVariance exact = (s, t) -> eps.marginalVariance(s) * (1 - schedule.alpha(s, t)) / eps.marginalVariance(t);
    int rows = 6000;
    SplittableRandom[] noise = new SplittableRandom[rows];
    for (int r = 0; r < rows; r++) {
      noise[r] = new SplittableRandom(7000 + r);
    }
    double[] out = Inpainting.sample(rows, 3, schedule.uniformGrid(4), schedule, eps, exact, noise, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY);
    for (int k = 0; k < 3; k++) {
      assertColumnIsGaussian(out, rows, 3, k, mu[k], sigma2, sigma2 - exact.of(0, 4));
    }
    double[] alone = Inpainting.sample(1, 3, schedule.uniformGrid(4), schedule, eps, exact, new SplittableRandom[] {new SplittableRandom(7005)},
        0, 1);
    for (int k = 0; k < 3; k++) {
      assertEquals(Math.min(1, Math.max(0, out[5 * 3 + k])), alone[k], 1e-12, "row 5 alone, clamped to [0, 1], is the same draw");
    }
  }

  @Test
  void diffuseAndDenoiseSamplesThePosteriorOfTheDiffusedImage() {
    // With the exact reverse steps from t0, the output is a draw of x_0 given x_t0, which for N(mu,
    // sigma2) pixels is N(tau2 (mu / sigma2 + sqrt(abar) x_t0 / (1 - abar)), tau2) with 1 / tau2 =
    // 1 / sigma2 + abar / (1 - abar); averaged over x_t0 ~ N(sqrt(abar) x, 1 - abar) the mean is
    // tau2 (mu / sigma2 + abar x / (1 - abar)) and the variance gains tau2^2 abar / (1 - abar). The
    // last step adds no noise, which removes that step's variance.
    NoiseSchedule schedule = NoiseSchedule.scaledLinear(100);
    double[] mu = {0.5, -0.3};
    double sigma2 = 0.16;
    GaussianEpsilon eps = new GaussianEpsilon(mu, sigma2, schedule);
    ReverseVariance exact = (s, t) -> eps.marginalVariance(s) * (1 - schedule.alpha(s, t)) / eps.marginalVariance(t);
    int rows = 4000;
    int t0 = 30;
    double[] x = new double[rows * 2];
    SplittableRandom[] noise = new SplittableRandom[rows];
    for (int r = 0; r < rows; r++) {
      x[r * 2] = 2.0;
      x[r * 2 + 1] = -1.0;
      noise[r] = new SplittableRandom(7000 + r);
    }
    double[] out = Inpainting.diffuseDenoise(x, rows, 2, schedule.uniformGrid(5, t0), schedule, eps, exact, noise,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    double abar = schedule.abar(t0);
    double tau2 = 1 / (1 / sigma2 + abar / (1 - abar));
    for (int k = 0; k < 2; k++) {
      double expectedMean = tau2 * (mu[k] / sigma2 + abar * x[k] / (1 - abar));
      double expectedVariance = tau2 + tau2 * tau2 * abar / (1 - abar) - exact.of(0, 5);
      double mean = 0;
      for (int r = 0; r < rows; r++) {
        mean += out[r * 2 + k] / rows;
      }
      double squares = 0;
      for (int r = 0; r < rows; r++) {
        squares += Math.pow(out[r * 2 + k] - mean, 2) / (rows - 1);
      }
      assertEquals(expectedMean, mean, 4 * Math.sqrt(expectedVariance / rows), "pixel " + k + " mean");
      assertEquals(expectedVariance, squares, 4 * expectedVariance * Math.sqrt(2.0 / rows), "pixel " + k + " variance");
    }
  }

  @Test
  void ssimMatchesADirectSumOverWindows() {
    SplittableRandom random = new SplittableRandom(2);
    int side = 16;
    double[] a = new double[side * side];
    double[] b = new double[side * side];
    for (int k = 0; k < a.length; k++) {
      a[k] = random.nextDouble();
      b[k] = Math.min(1, Math.max(0, a[k] + 0.2 * random.nextGaussian()));
    }
    assertEquals(0, ImageDistances.ssimDistance(a, a, 0, side), 1e-12);
    assertEquals(direct(a, b, side), ImageDistances.ssimDistance(a, b, 0, side), 1e-12);
    assertEquals(ImageDistances.ssimDistance(a, b, 0, side), ImageDistances.ssimDistance(b, a, 0, side), 1e-12);
    assertEquals(0.04, ImageDistances.mse(new double[] {0.1, 0.5}, new double[] {0.3, 0.3}, 0, 2), 1e-15);
  }

  /** SSIM window by window with the 2-D Gaussian weights, no separable filtering. */
  private static double direct(double[] a, double[] b, int side) {
    double[] w = ImageDistances.gaussian(11, 1.5);
    int valid = side - 10;
    double total = 0;
    for (int r = 0; r < valid; r++) {
      for (int c = 0; c < valid; c++) {
        double mx = 0;
        double my = 0;
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int i = 0; i < 11; i++) {
          for (int j = 0; j < 11; j++) {
            double weight = w[i] * w[j];
            double x = a[(r + i) * side + c + j];
            double y = b[(r + i) * side + c + j];
            mx += weight * x;
            my += weight * y;
            xx += weight * x * x;
            yy += weight * y * y;
            xy += weight * x * y;
          }
        }
        double c1 = 1e-4;
        double c2 = 9e-4;
        total += (2 * mx * my + c1) * (2 * (xy - mx * my) + c2) / ((mx * mx + my * my + c1) * (xx - mx * mx + yy - my * my + c2));
      }
    }
    return 1 - total / (valid * valid);
  }

  @Test
  void aucCountsTiesAsHalf() {
    assertEquals(1, RocAuc.of(new double[] {0.1, 0.2}, new double[] {0.3, 0.4}), 0);
    assertEquals(0, RocAuc.of(new double[] {0.3, 0.4}, new double[] {0.1, 0.2}), 0);
    assertEquals(0.5, RocAuc.of(new double[] {1, 1, 1}, new double[] {1, 1}), 0);
    // OOD {2, 3}, ID {1, 2}: pairs (2>1) 1, (2=2) 1/2, (3>1) 1, (3>2) 1 -> 3.5 / 4.
    assertEquals(0.875, RocAuc.of(new double[] {1, 2}, new double[] {2, 3}), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> RocAuc.of(new double[0], new double[] {1}));
  }

  @Test
  void delongsIntervalMatchesAHandComputationAndCoversTheTrueAuc() {
    // ID {1, 2, 3}, OOD {2, 4, 5}: placements V_o = {1/2, 1, 1}, V_i = {1, 5/6, 2/3}; AUC 5/6,
    // Var = (1/12) / 3 + (1/36) / 3 = 1/27, so the interval is 5/6 ± 1.96 / sqrt(27), cut at 1.
    double[] ci = RocAuc.delong95(new double[] {1, 2, 3}, new double[] {2, 4, 5});
    assertEquals(5 / 6.0 - 1.959963984540054 / Math.sqrt(27), ci[0], 1e-12);
    assertEquals(1, ci[1], 0);
    // ID ~ N(0, 1), OOD ~ N(1, 1), 100 each: the true AUC is Phi(1 / sqrt 2) = 0.7602. Over 2,000
    // draws the coverage is binomial with sd 0.005 around about 0.95; 0.93-0.965 allows for that and
    // for DeLong's slight optimism at this size.
    double truth = new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(1 / Math.sqrt(2));
    SplittableRandom random = new SplittableRandom(17);
    int covered = 0;
    for (int t = 0; t < 2000; t++) {
      double[] in = new double[100];
      double[] out = new double[100];
      for (int k = 0; k < 100; k++) {
        in[k] = random.nextGaussian();
        out[k] = 1 + random.nextGaussian();
      }
      double[] interval = RocAuc.delong95(in, out);
      covered += interval[0] <= truth && truth <= interval[1] ? 1 : 0;
    }
    assertTrue(covered >= 1860 && covered <= 1930, "coverage " + covered / 2000.0);
    assertTrue(Double.isNaN(RocAuc.delong95(new double[] {1}, new double[] {2, 3})[0]), "one score in a class: no interval");
  }

  @Test
  void rocCurveRunsCornerToCornerAndItsAreaIsTheAuc() {
    SplittableRandom random = new SplittableRandom(3);
    double[] in = new double[57];
    double[] out = new double[41];
    for (int i = 0; i < in.length; i++) {
      in[i] = Math.round(4 * random.nextGaussian()) / 4.0; // many ties, within and across the classes
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.round(4 * (0.7 + random.nextGaussian())) / 4.0;
    }
    double[][] roc = RocAuc.curve(in, out);
    int n = roc[0].length;
    assertEquals(0, roc[0][0], 0);
    assertEquals(0, roc[1][0], 0);
    assertEquals(1, roc[0][n - 1], 0);
    assertEquals(1, roc[1][n - 1], 0);
    double area = 0;
    for (int i = 1; i < n; i++) {
      assertTrue(roc[0][i] >= roc[0][i - 1] && roc[1][i] >= roc[1][i - 1], "monotone at " + i);
      area += (roc[0][i] - roc[0][i - 1]) * (roc[1][i] + roc[1][i - 1]) / 2;
    }
    assertEquals(RocAuc.of(in, out), area, 1e-12);
  }

  /**
   * Column k of rows x dim draws has mean mu within 4 standard errors (sigma2 the data's variance) and
   * sample variance {@code variance} within 4 standard errors of a Gaussian variance estimate.
   */
  private static void assertColumnIsGaussian(double[] out, int rows, int dim, int k, double mu, double sigma2, double variance) {
    double mean = 0;
    double squares = 0;
    for (int r = 0; r < rows; r++) {
      mean += out[r * dim + k] / rows;
    }
    for (int r = 0; r < rows; r++) {
      squares += Math.pow(out[r * dim + k] - mean, 2) / (rows - 1);
    }
    assertEquals(mu, mean, 4 * Math.sqrt(sigma2 / rows), "column " + k + " mean");
    assertEquals(variance, squares, 4 * variance * Math.sqrt(2.0 / rows), "column " + k + " variance");
  }
}
