package io.tessera.math.metrics;

import io.tessera.math.Points;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The Fréchet distance between Gaussians fitted to two samples (docs/methods/sample-metrics.md,
 * Fréchet distance): FD = |mu1 - mu2|^2 + tr(S1 + S2 - 2 (S1 S2)^(1/2)), the squared W2 between
 * the fits, with covariances over n - 1. The trace of (S1 S2)^(1/2) is that of (A S2 A)^(1/2) with
 * A = S1^(1/2), a symmetric matrix, so it is the sum of the square roots of its eigenvalues (each
 * clipped at 0 against rounding). FID is this on a network's features.
 */
public final class FrechetDistance {
  private FrechetDistance() {}

  public static double of(double[][] x, double[][] y) {
    Samples.requireComparable(x, y, "Fréchet distance");
    if (x.length < 2 || y.length < 2) {
      throw new IllegalArgumentException("the Fréchet distance needs at least 2 points per sample for a covariance");
    }
    double[] mx = mean(x);
    double[] my = mean(y);
    DMatrixRMaj sx = covariance(x, mx);
    DMatrixRMaj sy = covariance(y, my);
    DMatrixRMaj a = symmetricSqrt(sx);
    DMatrixRMaj asy = new DMatrixRMaj(a.numRows, a.numCols);
    CommonOps_DDRM.mult(a, sy, asy);
    DMatrixRMaj m = new DMatrixRMaj(a.numRows, a.numCols);
    CommonOps_DDRM.mult(asy, a, m);
    double crossTrace = 0;
    for (double lambda : symmetricEigenvalues(m)) {
      crossTrace += Math.sqrt(Math.max(lambda, 0));
    }
    return Points.squaredDistance(mx, my) + CommonOps_DDRM.trace(sx) + CommonOps_DDRM.trace(sy) - 2 * crossTrace;
  }

  private static double[] mean(double[][] x) {
    double[] m = new double[x[0].length];
    for (double[] p : x) {
      for (int k = 0; k < m.length; k++) {
        m[k] += p[k];
      }
    }
    for (int k = 0; k < m.length; k++) {
      m[k] /= x.length;
    }
    return m;
  }

  private static DMatrixRMaj covariance(double[][] x, double[] mean) {
    int d = mean.length;
    DMatrixRMaj s = new DMatrixRMaj(d, d);
    for (double[] p : x) {
      for (int i = 0; i < d; i++) {
        double di = p[i] - mean[i];
        for (int j = i; j < d; j++) {
          s.add(i, j, di * (p[j] - mean[j]));
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        double v = s.get(i, j) / (x.length - 1);
        s.set(i, j, v);
        s.set(j, i, v);
      }
    }
    return s;
  }

  /** V diag(sqrt(max(lambda, 0))) V^T of a symmetric positive semi-definite matrix. */
  private static DMatrixRMaj symmetricSqrt(DMatrixRMaj s) {
    int d = s.numRows;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
    if (!eig.decompose(s.copy())) {
      throw new IllegalStateException("the symmetric eigendecomposition of a " + d + "x" + d + " covariance did not converge");
    }
    DMatrixRMaj root = new DMatrixRMaj(d, d);
    for (int k = 0; k < d; k++) {
      double r = Math.sqrt(Math.max(eig.getEigenvalue(k).getReal(), 0));
      DMatrixRMaj vk = eig.getEigenVector(k);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          root.add(i, j, r * vk.get(i) * vk.get(j));
        }
      }
    }
    return root;
  }

  private static double[] symmetricEigenvalues(DMatrixRMaj m) {
    DMatrixRMaj sym = new DMatrixRMaj(m.numRows, m.numCols);
    CommonOps_DDRM.transpose(m, sym);
    CommonOps_DDRM.addEquals(sym, m);
    CommonOps_DDRM.scale(0.5, sym); // A S2 A is symmetric up to rounding
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(sym.numRows, false, true);
    if (!eig.decompose(sym)) {
      throw new IllegalStateException("the symmetric eigendecomposition of A S2 A did not converge");
    }
    double[] values = new double[sym.numRows];
    for (int k = 0; k < values.length; k++) {
      values[k] = eig.getEigenvalue(k).getReal();
    }
    return values;
  }
}
