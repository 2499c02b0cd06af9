package io.tessera.math.latent;

/**
 * The density Monte Carlo points are drawn from (docs/methods/latent-curvature.md, Monte Carlo):
 * a defensive mixture that takes a fraction {@code uniform} of its draws uniformly on the box
 * [lo, hi] and the rest from the training codes' KDE q. Its density is
 * (1 - uniform) q(z) + uniform 1_box(z) / |box|, bounded below on the box, so the weights
 * sqrt(det g) / density are bounded there wherever sqrt(det g) is, however thin q gets.
 */
public record MonteCarloProposal(double uniform, double[] lo, double[] hi) implements java.io.Serializable {
  public MonteCarloProposal {
    if (!(uniform >= 0 && uniform <= 1)) {
      throw new IllegalArgumentException("the uniform fraction must be in [0, 1], got " + uniform);
    }
  }

  public boolean inBox(double[] z) {
    for (int d = 0; d < z.length; d++) {
      if (z[d] < lo[d] || z[d] > hi[d]) {
        return false;
      }
    }
    return true;
  }

  /** The proposal density at z, given the KDE's density there. */
  public double density(double[] z, double q) {
    return (1 - uniform) * q + (inBox(z) ? uniform / boxVolume() : 0);
  }

  /** A draw: uniform on the box with probability {@code uniform}, otherwise from the KDE. */
  public double[] sample(java.util.SplittableRandom random, GaussianKde codes) {
    if (random.nextDouble() >= uniform) {
      return codes.sample(random);
    }
    double[] z = new double[lo.length];
    for (int d = 0; d < z.length; d++) {
      z[d] = lo[d] + random.nextDouble() * (hi[d] - lo[d]);
    }
    return z;
  }

  private double boxVolume() {
    double v = 1;
    for (int d = 0; d < lo.length; d++) {
      v *= hi[d] - lo[d];
    }
    return v;
  }
}
