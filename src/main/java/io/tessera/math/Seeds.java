package io.tessera.math;

import java.util.SplittableRandom;

/**
 * Per-sample random streams derived from (run seed, sample id, purpose) alone, so that a sample's
 * random draws do not depend on partitioning, batch size or the order in which rows arrive.
 */
public final class Seeds {
  private Seeds() {}

  public static SplittableRandom forSample(long runSeed, long sampleId, String purpose) {
    return new SplittableRandom(BitPatterns.mix(BitPatterns.mix(runSeed ^ purpose.hashCode()) ^ sampleId));
  }

  /** A direction drawn uniformly from the unit sphere in R^dim (normalised Gaussian vector). */
  public static double[] unitDirection(SplittableRandom random, int dim) {
    double[] u = new double[dim];
    double norm = 0;
    while (norm == 0) {
      for (int k = 0; k < dim; k++) {
        u[k] = random.nextGaussian();
        norm += u[k] * u[k];
      }
    }
    norm = Math.sqrt(norm);
    for (int k = 0; k < dim; k++) {
      u[k] /= norm;
    }
    return u;
  }
}
