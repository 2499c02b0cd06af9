package io.tessera.math;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The least-squares map M = argmin ||C M - D||_F (Sattelberg eq. 8) from the normal equations
 * G = C^T C and H = C^T D, which a distributed job accumulates row by row. Without a ridge the
 * answer is the minimum-norm one, pinv(G) H = pinv(C) D: C is often rank-deficient (a dense net's
 * gradients lie in the span of its first layer), and eigenvalues of G below {@code relTol} times
 * the largest are treated as zero. With a ridge r > 0 it solves (G + r I) M = H instead. The
 * factorisation of G is kept, so one C can be mapped onto several D at the cost of a product each.
 */
public final class LeastSquaresMap {
  /** pinv(G), or null with a ridge. */
  private final DMatrixRMaj inverse;
  /** Cholesky of G + r I with a ridge (solving is more accurate than multiplying by its inverse). */
  private final LinearSolverDense<DMatrixRMaj> ridgeSolver;
  private final int rank;

  private LeastSquaresMap(DMatrixRMaj inverse, LinearSolverDense<DMatrixRMaj> ridgeSolver, int rank) {
    this.inverse = inverse;
    this.ridgeSolver = ridgeSolver;
    this.rank = rank;
  }

  /** Factorises G = C^T C (p x p) once. */
  public static LeastSquaresMap of(double[][] gram, double ridge, double relTol) {
    int p = gram.length;
    DMatrixRMaj g = new DMatrixRMaj(gram);
    if (ridge > 0) {
      for (int i = 0; i < p; i++) {
        g.add(i, i, ridge);
      }
      LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(p);
      if (!solver.setA(g)) {
        throw new IllegalArgumentException("the ridge-regularised normal equations are not positive definite");
      }
      return new LeastSquaresMap(null, solver, p);
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
    if (!eig.decompose(g)) {
      throw new IllegalArgumentException("the eigen-decomposition of the Gram matrix failed");
    }
    double largest = 0;
    for (int i = 0; i < p; i++) {
      largest = Math.max(largest, eig.getEigenvalue(i).getReal());
    }
    // pinv(G) = sum over kept eigenpairs of v v^T / lambda.
    DMatrixRMaj inverse = new DMatrixRMaj(p, p);
    int rank = 0;
    for (int i = 0; i < p; i++) {
      double lambda = eig.getEigenvalue(i).getReal();
      if (!(lambda > relTol * largest)) {
        continue;
      }
      rank++;
      DMatrixRMaj v = eig.getEigenVector(i);
      for (int r = 0; r < p; r++) {
        double scale = v.get(r, 0) / lambda;
        if (scale != 0) {
          for (int c = 0; c < p; c++) {
            inverse.add(r, c, scale * v.get(c, 0));
          }
        }
      }
    }
    return new LeastSquaresMap(inverse, null, rank);
  }

  /** M for H = C^T D (p x q). */
  public double[][] map(double[][] cross) {
    DMatrixRMaj m = new DMatrixRMaj(cross.length, cross[0].length);
    if (ridgeSolver != null) {
      ridgeSolver.solve(new DMatrixRMaj(cross), m);
    } else {
      CommonOps_DDRM.mult(inverse, new DMatrixRMaj(cross), m);
    }
    double[][] out = new double[m.numRows][m.numCols];
    for (int r = 0; r < m.numRows; r++) {
      System.arraycopy(m.data, r * m.numCols, out[r], 0, m.numCols);
    }
    return out;
  }

  /** The rank of C used: p with a ridge. */
  public int rank() {
    return rank;
  }
}
