package io.tessera.math;

import io.tessera.EnumNames;
import java.util.SplittableRandom;

/**
 * How a random point "at distance r" from x is drawn, x' = x + r v. Liu et al. do not say, so each
 * plausible reading is one constant (docs/methods/patterns-hamming-perturbations.md, Perturbation
 * readings):
 * <ul>
 *   <li>{@code SPHERE}: v uniform on the unit sphere, so |x' - x| = r exactly;
 *   <li>{@code UNIFORM}: every pixel moves independently by U(-r, r), so |x' - x| ≈ r √(m/3);
 *   <li>{@code GAUSSIAN}: every pixel moves independently by N(0, r²), so |x' - x| ≈ r √m.
 * </ul>
 */
public enum PerturbationNoise {
  SPHERE,
  UNIFORM,
  GAUSSIAN;

  public static PerturbationNoise parse(String name) {
    return EnumNames.parse(PerturbationNoise.class, name, "noise");
  }

  /** v for radius 1; the caller scales it by each radius. */
  public double[] draw(SplittableRandom random, int dim) {
    if (this == SPHERE) {
      return Seeds.unitDirection(random, dim);
    }
    double[] v = new double[dim];
    for (int k = 0; k < dim; k++) {
      v[k] = this == UNIFORM ? 2 * random.nextDouble() - 1 : random.nextGaussian();
    }
    return v;
  }
}
