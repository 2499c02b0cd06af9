package io.tessera.math.metrics;

import io.tessera.math.Points;
import java.util.Arrays;
import java.util.Comparator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The adjacency spectral distance between the k-nearest-neighbour graphs of two samples of the same
 * n points in corresponding order (docs/methods/sample-metrics.md, Spectral distance). A_ij = 1 when
 * point i is among the k nearest others of point j, so every column sums to k and the spectral
 * radius is k. {@link #directed}: all eigenvalues of A, sorted by real part then imaginary part,
 * both descending, and the Euclidean distance between the real parts. {@link #symmetric}: the same
 * on max(A, A^T), whose eigenvalues are real. Dense O(n^3) eigensolvers: meant for n up to a few
 * thousand.
 */
public final class KnnSpectralDistance {
  private KnnSpectralDistance() {}

  /** The samples may live in different spaces (data and an embedding of it): only their graphs are compared. */
  public static double directed(double[][] x, double[][] y, int k) {
    checked(x, y);
    return distance(eigenvalues(adjacency(x, k, false), false), eigenvalues(adjacency(y, k, false), false));
  }

  public static double symmetric(double[][] x, double[][] y, int k) {
    checked(x, y);
    return distance(eigenvalues(adjacency(x, k, true), true), eigenvalues(adjacency(y, k, true), true));
  }

  /** The k-nearest-neighbour adjacency (column j marks j's neighbours); symmetrised with max(A, A^T) when asked. */
  static DMatrixRMaj adjacency(double[][] points, int k, boolean symmetrise) {
    int n = points.length;
    if (k < 1 || k >= n) {
      throw new IllegalArgumentException("k must be in 1.." + (n - 1) + " for " + n + " points, got " + k);
    }
    DMatrixRMaj a = new DMatrixRMaj(n, n);
    for (int j = 0; j < n; j++) {
      for (int i : Samples.nearestOthers(points, j, k)) {
        a.set(i, j, 1);
        if (symmetrise) {
          a.set(j, i, 1);
        }
      }
    }
    return a;
  }

  /** {real, imaginary} pairs, sorted by real part then imaginary part, both descending. */
  static double[][] eigenvalues(DMatrixRMaj a, boolean symmetric) {
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(a.numRows, false, symmetric);
    if (!eig.decompose(a)) {
      throw new IllegalStateException("the eigendecomposition of a " + a.numRows + "-node adjacency did not converge");
    }
    double[][] values = new double[a.numRows][];
    for (int i = 0; i < values.length; i++) {
      values[i] = new double[] {eig.getEigenvalue(i).getReal(), eig.getEigenvalue(i).getImaginary()};
    }
    Arrays.sort(values, Comparator.<double[]>comparingDouble(v -> -v[0]).thenComparingDouble(v -> -v[1]));
    return values;
  }

  private static void checked(double[][] x, double[][] y) {
    Points.requireCloud(x, "the spectral distance");
    Points.requireCloud(y, "the spectral distance");
    if (x.length != y.length) {
      throw new IllegalArgumentException("the spectral distance compares graphs on the same nodes; got " + x.length + " and " + y.length + " points");
    }
  }

  private static double distance(double[][] a, double[][] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i][0] - b[i][0]) * (a[i][0] - b[i][0]);
    }
    return Math.sqrt(s);
  }
}
