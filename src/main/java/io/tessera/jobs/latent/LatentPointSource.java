package io.tessera.jobs.latent;

import io.tessera.math.Seeds;
import io.tessera.math.latent.MonteCarloProposal;
import java.io.Serializable;

/**
 * Where generated latent points come from, by point id: the grid's cell midpoints (the first
 * coordinate fastest), or Monte Carlo draws from the proposal (the training codes' density mixed
 * with the box's uniform one), each seeded by (run seed, point id), so neither depends on
 * partitioning.
 */
record LatentPointSource(String kind, double[] lo, double[] hi, int resolution, long seed, MonteCarloProposal proposal) implements Serializable {
  static final String GRID = "grid";
  static final String MONTE_CARLO = "mc";

  static LatentPointSource grid(double[] lo, double[] hi, int resolution) {
    return new LatentPointSource(GRID, lo, hi, resolution, 0, null);
  }

  static LatentPointSource monteCarlo(long seed, MonteCarloProposal proposal) {
    return new LatentPointSource(MONTE_CARLO, null, null, 0, seed, proposal);
  }

  double[] point(long id, LatentDensities densities) {
    if (MONTE_CARLO.equals(kind)) {
      return proposal.sample(Seeds.forSample(seed, id, "latent-monte-carlo"), densities.train());
    }
    double[] z = new double[lo.length];
    long rest = id;
    for (int d = 0; d < lo.length; d++) {
      z[d] = lo[d] + (rest % resolution + 0.5) * (hi[d] - lo[d]) / resolution;
      rest /= resolution;
    }
    return z;
  }
}
