package io.tessera.math.latent;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Gaussian kernel density of latent codes, by default with Scott's bandwidth Sigma = m^(-2/(n+4)) C, C the
 * codes' covariance (docs/methods/latent-curvature.md, Tessera's implementation):
 * p(z) = m^-1 sum_i phi_Sigma(z - z_i), with its gradient. Codes are whitened once by the Cholesky
 * factor L of Sigma, so each evaluation is O(m n).
 */
public final class GaussianKde implements MassPointSearch.Density, java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final double[][] whitened;
  private final Bandwidth bandwidth;
  private final double normaliser;

  /** The KDE of {@code codes} with their own Scott bandwidth. */
  public GaussianKde(double[][] codes) {
    this(codes, scott(codes));
  }

  /**
   * The KDE of {@code codes} with a given kernel: two densities that are compared point by point
   * (p_ref against p_train) must share one, or the wider kernel alone makes a deficit
   * (docs/methods/latent-curvature.md, One bandwidth for compared densities).
   */
  public GaussianKde(double[][] codes, Bandwidth bandwidth) {
    int m = codes.length;
    if (m < 2) {
      throw new IllegalArgumentException("a density needs at least 2 codes, got " + m);
    }
    int n = codes[0].length;
    if (bandwidth.dim() != n) {
      throw new IllegalArgumentException("a " + bandwidth.dim() + "-D bandwidth for " + n + "-D codes");
    }
    this.bandwidth = bandwidth;
    this.whitened = new double[m][];
    for (int k = 0; k < m; k++) {
      whitened[k] = bandwidth.whiten(codes[k]);
    }
    this.normaliser = Math.exp(-bandwidth.logDetFactor() - 0.5 * n * Math.log(2 * Math.PI)) / m;
  }

  /** Scott's Sigma = m^(-2/(n+4)) C, C the codes' covariance, as its Cholesky factor. */
  public static Bandwidth scott(double[][] codes) {
    int m = codes.length;
    if (m < 2) {
      throw new IllegalArgumentException("a density needs at least 2 codes, got " + m);
    }
    int n = codes[0].length;
    double[] mean = new double[n];
    for (double[] z : codes) {
      for (int i = 0; i < n; i++) {
        mean[i] += z[i] / m;
      }
    }
    DMatrixRMaj sigma = new DMatrixRMaj(n, n);
    double scott = Math.pow(m, -2.0 / (n + 4));
    for (double[] z : codes) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          sigma.add(i, j, (z[i] - mean[i]) * (z[j] - mean[j]) / (m - 1) * scott);
        }
      }
    }
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
    if (!chol.decompose(sigma.copy())) {
      throw new IllegalArgumentException("the codes' covariance is singular: they lie in a lower-dimensional subspace");
    }
    DMatrixRMaj lower = chol.getT(null);
    DMatrixRMaj inverse = new DMatrixRMaj(n, n);
    CommonOps_DDRM.invert(lower, inverse);
    double[][] factor = new double[n][n];
    double[][] inverseFactor = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        factor[i][j] = lower.get(i, j);
        inverseFactor[i][j] = inverse.get(i, j);
      }
    }
    return new Bandwidth(factor, inverseFactor);
  }

  /** The kernel's Sigma, the latent length scale of "within one bandwidth". */
  public Bandwidth bandwidth() {
    return bandwidth;
  }

  /** {p(z), dp/dz^1, ..., dp/dz^n}. */
  @Override
  public double[] densityAndGradient(double[] z) {
    int n = z.length;
    double[] w = bandwidth.whiten(z);
    double p = 0;
    double[] whiteGrad = new double[n];
    for (double[] c : whitened) {
      double d2 = 0;
      for (int i = 0; i < n; i++) {
        double d = w[i] - c[i];
        d2 += d * d;
      }
      double k = Math.exp(-0.5 * d2);
      p += k;
      for (int i = 0; i < n; i++) {
        whiteGrad[i] -= k * (w[i] - c[i]);
      }
    }
    double[] out = new double[n + 1];
    out[0] = p * normaliser;
    double[] gradient = bandwidth.covectorToLatent(whiteGrad);
    for (int j = 0; j < n; j++) {
      out[j + 1] = gradient[j] * normaliser;
    }
    return out;
  }

  /** A draw from the density: a code chosen uniformly plus kernel noise L e, e ~ N(0, I). */
  public double[] sample(java.util.SplittableRandom random) {
    double[] w = whitened[random.nextInt(whitened.length)];
    double[] shifted = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      shifted[i] = w[i] + random.nextGaussian();
    }
    return bandwidth.colour(shifted);
  }
}
