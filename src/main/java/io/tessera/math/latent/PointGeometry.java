package io.tessera.math.latent;

/**
 * The intrinsic geometry of the pullback metric g = J^T J at one latent point
 * (docs/methods/latent-curvature.md, The quantities), and the fields of a code density there.
 *
 * @param logSqrtDetG log sqrt(det g), the log volume element (sum of log |R_ii| of J = QR)
 * @param conditionG sigma_max^2 / sigma_min^2 of J
 * @param metricUpper g_ij for i <= j, row by row
 * @param degenerate sigma_min / sigma_max of J below 1e-7: not Riemannian there, no curvature
 * @param scalarCurvature R = |H|^2 - |II|^2 (NaN when degenerate)
 * @param meanCurvatureNorm2 |H|^2, H the trace of the second fundamental form
 * @param secondFormNorm2 |II|^2; R is the difference of two terms this size
 * @param gradLogSqrtDetG d_k log sqrt(det g) = Gamma^i_ik
 * @param inverseFactor B = R_J^-1, so that g^-1 = B B^T
 */
public record PointGeometry(
    double logSqrtDetG,
    double conditionG,
    double[] metricUpper,
    boolean degenerate,
    double scalarCurvature,
    double meanCurvatureNorm2,
    double secondFormNorm2,
    double[] gradLogSqrtDetG,
    double[][] inverseFactor) {

  public int latentDim() {
    return gradLogSqrtDetG.length;
  }

  /** The same geometry with R computed another way (the Christoffel route). */
  public PointGeometry withScalarCurvature(double r) {
    return new PointGeometry(logSqrtDetG, conditionG, metricUpper, degenerate, r, meanCurvatureNorm2, secondFormNorm2, gradLogSqrtDetG, inverseFactor);
  }

  /** Gaussian curvature R / 2 (n = 2 only). */
  public double gaussianCurvature() {
    return scalarCurvature / 2;
  }

  /** |v|^2_g for a covector v: v^T g^-1 v = |B^T v|^2. */
  public double inverseNorm2(double[] covector) {
    int n = covector.length;
    double sum = 0;
    for (int a = 0; a < n; a++) {
      double c = 0;
      for (int i = 0; i < n; i++) {
        c += inverseFactor[i][a] * covector[i];
      }
      sum += c * c;
    }
    return sum;
  }

  /**
   * The energy density of rho = d / sqrt(det g) here, d a coordinate density with its gradient
   * {d, dd/dz^1, ...} (docs/methods/latent-curvature.md, Mass-like points: what is climbed and
   * what is kept): T00 = rho + (c/2) g^ij d_i rho d_j rho with {@code metric}, or the seed's literal
   * rho + (c/2) sum_i (d_i rho)^2 without; d <= 0 gives 0.
   */
  public double energyDensity(double[] densityAndGradient, double c, boolean metric) {
    double d = densityAndGradient[0];
    if (!(d > 0)) {
      return 0;
    }
    int n = latentDim();
    double sqrtDet = Math.exp(logSqrtDetG);
    double[] grad = new double[n];
    for (int k = 0; k < n; k++) {
      grad[k] = (densityAndGradient[k + 1] - d * gradLogSqrtDetG[k]) / sqrtDet;
    }
    double norm2 = 0;
    if (metric) {
      norm2 = inverseNorm2(grad);
    } else {
      for (double v : grad) {
        norm2 += v * v;
      }
    }
    return d / sqrtDet + 0.5 * c * norm2;
  }

  /**
   * |grad f|^2_g here for the data-induced potential f = log sqrt(det g) - log p: d_k f = Gamma^i_ik - d_k log p.
   *
   * @param densityAndGradient {p, dp/dz^1, ..., dp/dz^n}
   */
  public double gradF2(double[] densityAndGradient) {
    int n = latentDim();
    double[] df = new double[n];
    for (int k = 0; k < n; k++) {
      df[k] = gradLogSqrtDetG[k] - densityAndGradient[k + 1] / densityAndGradient[0];
    }
    return inverseNorm2(df);
  }
}
