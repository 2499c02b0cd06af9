package io.tessera.model.diffusion;

import io.tessera.math.diffusion.NoiseSchedule;
import java.util.SplittableRandom;

/**
 * How far a trained eps-network is from the optimal one for data N(mu, sigma^2 I): E[eps | x_t] =
 * sqrt(1 - abar) (x - sqrt(abar) mu) / (abar sigma^2 + 1 - abar), compared at states drawn from the
 * forward marginals of each step, as squared error relative to the optimum's squared size.
 */
final class GaussianEpsError {
  private GaussianEpsError() {}

  static double relative(DiffusionModel model, double[] mu, double sigma, int[] steps, int rows, SplittableRandom random) {
    NoiseSchedule schedule = model.schedule();
    int dim = mu.length;
    double error = 0;
    double size = 0;
    for (int t : steps) {
      double abar = schedule.abar(t);
      double v = abar * sigma * sigma + 1 - abar;
      double[] states = new double[rows * dim];
      for (int k = 0; k < states.length; k++) {
        states[k] = Math.sqrt(abar) * mu[k % dim] + Math.sqrt(v) * random.nextGaussian();
      }
      double[] predicted = model.predict(states, rows, dim, t);
      for (int k = 0; k < states.length; k++) {
        double optimal = Math.sqrt(1 - abar) * (states[k] - Math.sqrt(abar) * mu[k % dim]) / v;
        error += (predicted[k] - optimal) * (predicted[k] - optimal);
        size += optimal * optimal;
      }
    }
    return error / size;
  }
}
