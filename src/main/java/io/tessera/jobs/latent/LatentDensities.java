package io.tessera.jobs.latent;

import io.tessera.math.latent.GaussianKde;
import java.io.Serializable;

/** The code densities every executor evaluates: training (null without codes) and reference (null without a reference split). */
record LatentDensities(GaussianKde train, GaussianKde reference) implements Serializable {
  /** The coordinate density of the mass-like points with its gradient: p_ref - p_train (rho_ins), or p_train without a reference. */
  double[] massNumerator(double[] z) {
    double[] t = train.densityAndGradient(z);
    return reference == null ? t : deficit(reference.densityAndGradient(z), t);
  }

  /** p_ref - p_train with its gradient: the deficit whose rho is rho_ins. */
  static double[] deficit(double[] ref, double[] train) {
    double[] d = new double[ref.length];
    for (int k = 0; k < d.length; k++) {
      d[k] = ref[k] - train[k];
    }
    return d;
  }
}
