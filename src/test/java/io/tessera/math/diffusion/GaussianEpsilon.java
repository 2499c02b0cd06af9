package io.tessera.math.diffusion;

/**
 * The optimal eps-network for data N(mu, sigma2 I), in closed form
 * (docs/methods/diffusion-likelihood-and-lmd.md, Closed form for Gaussian data): x_t is
 * N(sqrt(abar_t) mu, v_t I) with v_t = abar_t sigma2 + 1 - abar_t, and
 * E[eps | x_t] = sqrt(1 - abar_t) (x_t - sqrt(abar_t) mu) / v_t.
 */
record GaussianEpsilon(double[] mu, double sigma2, NoiseSchedule schedule) implements EpsilonModel {
  double marginalVariance(int t) {
    return schedule.abar(t) * sigma2 + 1 - schedule.abar(t);
  }

  @Override
  public double[] predict(double[] states, int rows, int dim, int t) {
    double abar = schedule.abar(t);
    double scale = Math.sqrt(1 - abar) / marginalVariance(t);
    double[] out = new double[states.length];
    for (int k = 0; k < states.length; k++) {
      out[k] = scale * (states[k] - Math.sqrt(abar) * mu[k % dim]);
    }
    return out;
  }

  /** log N(x; mu, sigma2 I), the truth the estimates are held to. */
  double logDensity(double[] x) {
    double squared = 0;
    for (int k = 0; k < x.length; k++) {
      squared += (x[k] - mu[k]) * (x[k] - mu[k]);
    }
    return -0.5 * x.length * Math.log(2 * Math.PI * sigma2) - squared / (2 * sigma2);
  }
}
