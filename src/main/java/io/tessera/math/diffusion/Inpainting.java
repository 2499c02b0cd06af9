package io.tessera.math.diffusion;

import java.util.SplittableRandom;

/**
 * LMD's two lifts (docs/methods/diffusion-likelihood-and-lmd.md, LMD: lift, map, detect).
 * Inpainting (Algorithm 2, RePaint without resampling): start from x_T ~ N(0, I) and walk the grid
 * down; at each pair (s, t) the unknown pixels take a reverse step mu_theta(x_t, t) + sigma_st z
 * (z = 0 when s = 0) and the known pixels are replaced by the original diffused to s,
 * sqrt(abar_s) x + sqrt(1 - abar_s) z' (the original itself at s = 0). Diffuse-and-denoise: diffuse
 * the whole image to a step t0, then walk every pixel down from t0. Ancestral sampling is the walk
 * with nothing known. All rows step together, one eps pass per pair; each row draws from its own
 * stream.
 */
public final class Inpainting {
  private Inpainting() {}

  /**
   * Inpaints every row of {@code x} (rows x dim) where {@code known[row][k]} is false, and clamps
   * the result to [lo, hi] (the data's range; infinite bounds leave it alone).
   */
  public static double[] inpaint(double[] x, boolean[][] known, int rows, int dim, int[] grid, NoiseSchedule schedule,
      EpsilonModel eps, ReverseVariance variance, SplittableRandom[] noise, double lo, double hi) {
    schedule.checkGrid(grid);
    double[] current = new double[rows * dim];
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < dim; k++) {
        current[r * dim + k] = noise[r].nextGaussian();
      }
    }
    return walkDown(current, x, known, rows, dim, grid, schedule, eps, variance, noise, lo, hi);
  }

  /**
   * Ancestral sampling (Ho et al. Algorithm 2 on the grid's pairs): {@code rows} fresh draws from x_T ~
   * N(0, I) walked down to 0, clamped like {@link #inpaint}.
   */
  public static double[] sample(int rows, int dim, int[] grid, NoiseSchedule schedule, EpsilonModel eps, ReverseVariance variance,
      SplittableRandom[] noise, double lo, double hi) {
    schedule.checkGrid(grid);
    double[] current = new double[rows * dim];
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < dim; k++) {
        current[r * dim + k] = noise[r].nextGaussian();
      }
    }
    return walkDown(current, null, null, rows, dim, grid, schedule, eps, variance, noise, lo, hi);
  }

  /**
   * Diffuses every row of {@code x} to the top of {@code grid} (0 < t0 <= T), x_t0 = sqrt(abar_t0) x +
   * sqrt(1 - abar_t0) z, and denoises it back down the grid; clamps like {@link #inpaint}.
   */
  public static double[] diffuseDenoise(double[] x, int rows, int dim, int[] grid, NoiseSchedule schedule, EpsilonModel eps,
      ReverseVariance variance, SplittableRandom[] noise, double lo, double hi) {
    int top = grid[grid.length - 1];
    schedule.uniformGrid(1, top); // refuses a top outside 1..T
    double signal = Math.sqrt(schedule.abar(top));
    double spread = Math.sqrt(1 - schedule.abar(top));
    double[] current = new double[rows * dim];
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < dim; k++) {
        current[r * dim + k] = signal * x[r * dim + k] + spread * noise[r].nextGaussian();
      }
    }
    return walkDown(current, x, null, rows, dim, grid, schedule, eps, variance, noise, lo, hi);
  }

  /** Reverse steps from the grid's top to 0; {@code known} null means no pixel is known. */
  private static double[] walkDown(double[] current, double[] x, boolean[][] known, int rows, int dim, int[] grid,
      NoiseSchedule schedule, EpsilonModel eps, ReverseVariance variance, SplittableRandom[] noise, double lo, double hi) {
    for (int i = grid.length - 1; i >= 1; i--) {
      int s = grid[i - 1];
      int t = grid[i];
      double[] predicted = eps.predict(current, rows, dim, t);
      NoiseSchedule.ReverseMean reverse = schedule.reverseMean(s, t);
      double sigma = s == 0 ? 0 : Math.sqrt(variance.of(s, t));
      double signal = Math.sqrt(schedule.abar(s));
      double spread = Math.sqrt(1 - schedule.abar(s));
      for (int r = 0; r < rows; r++) {
        for (int k = 0; k < dim; k++) {
          int at = r * dim + k;
          if (known != null && known[r][k]) {
            current[at] = s == 0 ? x[at] : signal * x[at] + spread * noise[r].nextGaussian();
          } else {
            double mean = reverse.of(current[at], predicted[at]);
            current[at] = sigma == 0 ? mean : mean + sigma * noise[r].nextGaussian();
          }
        }
      }
    }
    for (int at = 0; at < current.length; at++) {
      current[at] = Math.min(hi, Math.max(lo, current[at]));
    }
    return current;
  }
}
