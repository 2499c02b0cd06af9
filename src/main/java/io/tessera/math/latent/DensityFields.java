package io.tessera.math.latent;

/** Per-point fields of a density rho on the latent chart: |grad f|^2 of the data potential and the energy density T00. */
public final class DensityFields {
  private DensityFields() {}

  /**
   * The energy density of rho = d / sqrt(det g), d a coordinate density with its gradient
   * {d, dd/dz^1, ...} (docs/methods/latent-curvature.md, Mass-like points: what is climbed and
   * what is kept): T00 = rho + (c/2) g^ij d_i rho d_j rho with {@code metric}, or the seed's literal
   * rho + (c/2) sum_i (d_i rho)^2 without; d <= 0 gives 0.
   */
  public static double energyDensity(PointGeometry geometry, double[] densityAndGradient, double c, boolean metric) {
    double d = densityAndGradient[0];
    if (!(d > 0)) {
      return 0;
    }
    int n = geometry.latentDim();
    double sqrtDet = Math.exp(geometry.logSqrtDetG());
    double[] grad = new double[n];
    for (int k = 0; k < n; k++) {
      grad[k] = (densityAndGradient[k + 1] - d * geometry.gradLogSqrtDetG()[k]) / sqrtDet;
    }
    double norm2 = 0;
    if (metric) {
      norm2 = geometry.inverseNorm2(grad);
    } else {
      for (double v : grad) {
        norm2 += v * v;
      }
    }
    return d / sqrtDet + 0.5 * c * norm2;
  }

  /**
   * |grad f|^2_g for the data-induced potential f = log sqrt(det g) - log p: d_k f = Gamma^i_ik - d_k log p.
   *
   * @param densityAndGradient {p, dp/dz^1, ..., dp/dz^n}
   */
  public static double gradF2(PointGeometry geometry, double[] densityAndGradient) {
    int n = geometry.latentDim();
    double[] df = new double[n];
    for (int k = 0; k < n; k++) {
      df[k] = geometry.gradLogSqrtDetG()[k] - densityAndGradient[k + 1] / densityAndGradient[0];
    }
    return geometry.inverseNorm2(df);
  }
}
