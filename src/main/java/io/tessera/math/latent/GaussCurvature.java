package io.tessera.math.latent;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Scalar curvature of a decoder's image through the Gauss equation
 * (docs/methods/latent-curvature.md, The quantities): with J = Q R thin, the second fundamental
 * form II_ij = (I - Q Q^T) psi_ij, taken to the orthonormal frame by B = R^-1, gives
 * R = |H|^2 - |II|^2. Only J and the Hessian are needed, never an N x N matrix, and det(J^T J) is
 * never formed (it would square the condition number).
 */
public final class GaussCurvature {
  /** sigma_min / sigma_max of J below which g is not treated as Riemannian. */
  public static final double DEGENERATE = 1e-7;

  private GaussCurvature() {}

  public static PointGeometry of(Jet jet) {
    int n = jet.latentDim();
    int dim = jet.ambientDim();
    DMatrixRMaj j = new DMatrixRMaj(dim, n);
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < dim; r++) {
        j.set(r, i, jet.tangents()[i][r]);
      }
    }
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(dim, n);
    double[] metric = metricUpper(jet.tangents());
    // Fewer data dimensions than latent ones, or a zero column: J cannot have rank n.
    if (dim < n || !qr.decompose(j.copy())) {
      return degenerate(n, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, metric);
    }
    DMatrixRMaj q = qr.getQ(null, true);
    DMatrixRMaj r = qr.getR(null, true);
    double[] sigma = SingularOps_DDRM.singularValues(r);
    double max = 0;
    double min = Double.POSITIVE_INFINITY;
    for (double s : sigma) {
      max = Math.max(max, s);
      min = Math.min(min, s);
    }
    double logSqrtDet = 0;
    for (int i = 0; i < n; i++) {
      logSqrtDet += Math.log(Math.abs(r.get(i, i)));
    }
    double condition = (max / min) * (max / min);
    if (!(min / max >= DEGENERATE)) {
      return degenerate(n, logSqrtDet, condition, metric);
    }
    DMatrixRMaj b = new DMatrixRMaj(n, n);
    CommonOps_DDRM.invert(r, b);

    // Normal parts of the Hessian vectors, and their tangential coordinates Q^T psi_ij.
    double[][][] normal = new double[n][n][];
    double[][][] tangential = new double[n][n][];
    for (int a = 0; a < n; a++) {
      for (int c = a; c < n; c++) {
        double[] h = jet.hessian()[a][c];
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
          double dot = 0;
          for (int row = 0; row < dim; row++) {
            dot += q.get(row, k) * h[row];
          }
          t[k] = dot;
        }
        double[] nv = h.clone();
        for (int k = 0; k < n; k++) {
          for (int row = 0; row < dim; row++) {
            nv[row] -= q.get(row, k) * t[k];
          }
        }
        normal[a][c] = normal[c][a] = nv;
        tangential[a][c] = tangential[c][a] = t;
      }
    }
    // II in the orthonormal frame: I_ab = sum_ij B_ia B_jb II_ij.
    double[][][] frame = new double[n][n][];
    for (int a = 0; a < n; a++) {
      for (int c = a; c < n; c++) {
        double[] v = new double[dim];
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < n; k++) {
            double w = b.get(i, a) * b.get(k, c);
            if (w != 0) {
              double[] src = normal[i][k];
              for (int row = 0; row < dim; row++) {
                v[row] += w * src[row];
              }
            }
          }
        }
        frame[a][c] = frame[c][a] = v;
      }
    }
    double[] mean = new double[dim];
    for (int a = 0; a < n; a++) {
      for (int row = 0; row < dim; row++) {
        mean[row] += frame[a][a][row];
      }
    }
    double h2 = dot(mean, mean);
    double ii2 = 0;
    for (int a = 0; a < n; a++) {
      for (int c = 0; c < n; c++) {
        ii2 += dot(frame[a][c], frame[a][c]);
      }
    }
    // Gamma^i_ik = (R^-1 Q^T psi_ik)^i: the gradient of log sqrt(det g).
    double[] grad = new double[n];
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < n; i++) {
        double gamma = 0;
        for (int m = 0; m < n; m++) {
          gamma += b.get(i, m) * tangential[i][k][m];
        }
        grad[k] += gamma;
      }
    }
    double[][] factor = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < n; a++) {
        factor[i][a] = b.get(i, a);
      }
    }
    return new PointGeometry(logSqrtDet, condition, metric, false, h2 - ii2, h2, ii2, grad, factor);
  }

  private static PointGeometry degenerate(int n, double logSqrtDet, double condition, double[] metric) {
    double[] nan = new double[n];
    java.util.Arrays.fill(nan, Double.NaN);
    return new PointGeometry(logSqrtDet, condition, metric, true, Double.NaN, Double.NaN, Double.NaN, nan, null);
  }

  private static double[] metricUpper(double[][] tangents) {
    int n = tangents.length;
    double[] g = new double[n * (n + 1) / 2];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        g[k++] = dot(tangents[i], tangents[j]);
      }
    }
    return g;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
