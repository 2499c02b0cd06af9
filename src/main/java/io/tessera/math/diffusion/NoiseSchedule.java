package io.tessera.math.diffusion;

import java.util.Arrays;

/**
 * A DDPM noise schedule as the one array abar[k] = prod_{j <= k} (1 - beta_j), k = 0..T, with
 * abar[0] = 1, strictly decreasing and abar[T] > 0 (docs/methods/diffusion-likelihood-and-lmd.md,
 * The diffusion model). Every step coefficient is a ratio of two entries, so pairs (s, t) of any
 * spacing use the same array (Tu eqs. 11-19).
 */
public final class NoiseSchedule {
  private final double[] abar;

  private NoiseSchedule(double[] abar) {
    this.abar = abar;
  }

  /**
   * The "scaled linear" schedule: beta_k = (1000 / T) (1e-4 + (0.02 - 1e-4) (k - 1) / (T - 1)), which
   * is Ho et al.'s at T = 1000 (abar_T = 4.0e-5) and keeps abar_T small at T = 100 (2.0e-5).
   */
  public static NoiseSchedule scaledLinear(int steps) {
    if (steps < 2) {
      throw new IllegalArgumentException("a schedule needs at least 2 steps, got " + steps);
    }
    double scale = 1000.0 / steps;
    double[] abar = new double[steps + 1];
    abar[0] = 1;
    for (int k = 1; k <= steps; k++) {
      double beta = scale * (1e-4 + (0.02 - 1e-4) * (k - 1) / (steps - 1));
      if (!(beta < 1)) {
        throw new IllegalArgumentException("T = " + steps + " is too few steps for the scaled-linear schedule (beta_" + k + " = " + beta + ")");
      }
      abar[k] = abar[k - 1] * (1 - beta);
    }
    return new NoiseSchedule(abar);
  }

  /** The number of steps T. */
  public int steps() {
    return abar.length - 1;
  }

  public double abar(int k) {
    return abar[k];
  }

  /** abar_t / abar_s, the signal kept from step s to step t > s. */
  public double alpha(int s, int t) {
    return abar[t] / abar[s];
  }

  /**
   * Eq. 18's mean of p_theta(x_s | x_t): (x_t - (1 - alpha_st) / sqrt(1 - abar_t) eps) / sqrt(alpha_st),
   * with alpha_st = abar_t / abar_s; its coefficients are computed once per pair.
   */
  public ReverseMean reverseMean(int s, int t) {
    double alpha = alpha(s, t);
    return new ReverseMean(Math.sqrt(alpha), (1 - alpha) / Math.sqrt(1 - abar(t)));
  }

  /** The reverse-step mean of one pair (s, t), per value of x_t and its predicted eps. */
  public record ReverseMean(double rootAlpha, double noiseScale) {
    public double of(double state, double eps) {
      return (state - noiseScale * eps) / rootAlpha;
    }
  }

  /** The index list 0, h, 2h, ..., with T appended when h does not divide it. */
  public int[] uniformGrid(int h) {
    return uniformGrid(h, steps());
  }

  /** The index list 0, h, 2h, ... up to {@code top} (1..T), with top appended when h does not divide it. */
  public int[] uniformGrid(int h, int top) {
    if (top < 1 || top > steps()) {
      throw new IllegalArgumentException("the top step must be between 1 and T = " + steps() + ", got " + top);
    }
    if (h < 1 || h > top) {
      throw new IllegalArgumentException("step size h must be between 1 and " + (top == steps() ? "T = " : "t0 = ") + top + ", got " + h);
    }
    int[] grid = java.util.stream.IntStream.iterate(0, k -> k <= top, k -> k + h).toArray();
    if (grid[grid.length - 1] != top) {
      grid = Arrays.copyOf(grid, grid.length + 1);
      grid[grid.length - 1] = top;
    }
    return grid;
  }

  /** Checks an uneven index list: strictly increasing from 0 to T. */
  public int[] checkGrid(int[] grid) {
    if (grid.length < 2 || grid[0] != 0 || grid[grid.length - 1] != steps()) {
      throw new IllegalArgumentException("an index list must run from 0 to T = " + steps() + ": " + Arrays.toString(grid));
    }
    for (int i = 1; i < grid.length; i++) {
      if (grid[i] <= grid[i - 1]) {
        throw new IllegalArgumentException("an index list must be strictly increasing: " + Arrays.toString(grid));
      }
    }
    return grid;
  }
}
