package io.tessera.math.diffusion;

import java.util.SplittableRandom;

/**
 * Tu et al.'s eq. 23 estimate of log q(x_0) (docs/methods/diffusion-likelihood-and-lmd.md,
 * Likelihood estimate (eq. 23)): one forward Markov chain x_0 -> x_k1 -> ... -> x_T per row,
 * scoring each pair (s, t) by the reverse density p_theta(x_s | x_t) against the forward one
 * q(x_t | x_s), plus the prior of x_T. Only the forward noise is random; its expectation is the
 * ELBO, so the estimate is a stochastic lower bound. All rows (samples x rounds) step through the
 * grid together: one eps call per pair serves them all.
 */
public final class ChainLikelihood {
  private static final double LOG_2PI = Math.log(2 * Math.PI);

  private ChainLikelihood() {}

  /** The distribution of x_T that closes the chain: Tu's is N(0, I). */
  public record Prior(double[] mean, double variance) {
    public static Prior standard(int dim) {
      return new Prior(new double[dim], 1);
    }
  }

  /**
   * One estimate per row of {@code x0} (rows x dim, row-major); row r draws its forward noise from
   * {@code noise[r]} only, so rows can be seeded per (sample, round).
   */
  public static double[] estimate(double[] x0, int rows, int dim, int[] grid, NoiseSchedule schedule, EpsilonModel eps,
      ReverseVariance variance, Prior prior, SplittableRandom[] noise) {
    schedule.checkGrid(grid);
    double[] logq = new double[rows];
    double[] previous = x0.clone();
    double[] current = new double[previous.length];
    for (int i = 1; i < grid.length; i++) {
      int s = grid[i - 1];
      int t = grid[i];
      double a = schedule.alpha(s, t);
      double b = 1 - a;
      double rootA = Math.sqrt(a);
      double rootB = Math.sqrt(b);
      for (int r = 0; r < rows; r++) {
        double squared = 0;
        for (int k = r * dim; k < (r + 1) * dim; k++) {
          double eta = noise[r].nextGaussian();
          current[k] = rootA * previous[k] + rootB * eta;
          squared += eta * eta;
        }
        logq[r] += 0.5 * dim * (LOG_2PI + Math.log(b)) + 0.5 * squared; // minus log q(x_t | x_s)
      }
      double[] predicted = eps.predict(current, rows, dim, t);
      NoiseSchedule.ReverseMean reverse = schedule.reverseMean(s, t);
      double v = variance.of(s, t);
      for (int r = 0; r < rows; r++) {
        double squared = 0;
        for (int k = r * dim; k < (r + 1) * dim; k++) {
          double mean = reverse.of(current[k], predicted[k]);
          double diff = previous[k] - mean;
          squared += diff * diff;
        }
        logq[r] -= 0.5 * dim * (LOG_2PI + Math.log(v)) + squared / (2 * v); // plus log p(x_s | x_t)
      }
      double[] swap = previous;
      previous = current;
      current = swap;
    }
    for (int r = 0; r < rows; r++) {
      double squared = 0;
      for (int k = 0; k < dim; k++) {
        double diff = previous[r * dim + k] - prior.mean()[k];
        squared += diff * diff;
      }
      logq[r] -= 0.5 * dim * (LOG_2PI + Math.log(prior.variance())) + squared / (2 * prior.variance());
    }
    return logq;
  }
}
