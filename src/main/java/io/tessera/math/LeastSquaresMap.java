package io.tessera.math;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The least-squares map M = argmin ||C M - D||_F (Sattelberg eq. 8) from the normal equations
 * G = C^T C and H = C^T D, which a distributed job accumulates row by row. Without a ridge the
 * answer is the minimum-norm one, pinv(G) H = pinv(C) D: C is often rank-deficient (a dense net's
 * gradients lie in the span of its first layer), and eigenvalues of G below {@code relTol} times
 * the largest are treated as zero. With a ridge r > 0 it solves (G + r I) M = H instead.
 */
public final class LeastSquaresMap {
  private LeastSquaresMap() {}

  /** @return M (p x q) and the rank used */
  public static Solution solve(double[][] gram, double[][] cross, double ridge, double relTol) {
    int p = gram.length;
    DMatrixRMaj g = new DMatrixRMaj(gram);
    DMatrixRMaj h = new DMatrixRMaj(cross);
    DMatrixRMaj m = new DMatrixRMaj(p, cross[0].length);
    if (ridge > 0) {
      for (int i = 0; i < p; i++) {
        g.add(i, i, ridge);
      }
      if (!CommonOps_DDRM.solve(g, h, m)) {
        throw new IllegalArgumentException("the ridge-regularised normal equations are singular");
      }
      return new Solution(toArray(m), p);
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
    if (!eig.decompose(g.copy())) {
      throw new IllegalArgumentException("the eigen-decomposition of the Gram matrix failed");
    }
    double largest = 0;
    for (int i = 0; i < p; i++) {
      largest = Math.max(largest, eig.getEigenvalue(i).getReal());
    }
    // pinv(G) H = sum over kept eigenpairs of v (v^T H) / lambda.
    int rank = 0;
    for (int i = 0; i < p; i++) {
      double lambda = eig.getEigenvalue(i).getReal();
      if (!(lambda > relTol * largest)) {
        continue;
      }
      rank++;
      DMatrixRMaj v = eig.getEigenVector(i);
      DMatrixRMaj vtH = new DMatrixRMaj(1, h.numCols);
      CommonOps_DDRM.multTransA(v, h, vtH);
      for (int r = 0; r < p; r++) {
        double scale = v.get(r, 0) / lambda;
        for (int c = 0; c < h.numCols; c++) {
          m.add(r, c, scale * vtH.get(0, c));
        }
      }
    }
    return new Solution(toArray(m), rank);
  }

  public record Solution(double[][] map, int rank) {}

  private static double[][] toArray(DMatrixRMaj m) {
    double[][] out = new double[m.numRows][m.numCols];
    for (int r = 0; r < m.numRows; r++) {
      for (int c = 0; c < m.numCols; c++) {
        out[r][c] = m.get(r, c);
      }
    }
    return out;
  }
}
