package io.tessera.math.polytope;

/**
 * The span of a polytope's rows, with an orthonormal basis Q (r x m). Every row of a ReLU
 * region's A is a combination of the first layer's weights (docs/methods/polytopes-and-regions.md,
 * Working in the span of the rows), so on MNIST-sized nets r = 340 while m = 784. Writing y = Q x,
 * the region is {y : (A Q^T) y <= c} times the free null space of A, and because Q is orthonormal
 * every row keeps its norm, every LP over the rows keeps its value and every distance is unchanged:
 * the geometry can be done in r variables.
 */
final class RowSpace {
  /** A row adds a direction when its residual is above this fraction of its own norm. */
  private static final double RANK_TOLERANCE = 1e-9;

  private static final double NOISE = 1e-13;

  private final double[][] basis;

  private RowSpace(double[][] basis) {
    this.basis = basis;
  }

  /** Modified Gram-Schmidt over the rows; a new direction is orthogonalised twice (enough for float64). */
  static RowSpace of(double[][] rows, int dim) {
    java.util.List<double[]> basis = new java.util.ArrayList<>();
    for (double[] row : rows) {
      if (basis.size() == dim) {
        break;
      }
      double norm = Polytope.norm(row);
      if (norm == 0) {
        continue;
      }
      double[] v = row.clone();
      orthogonalise(v, basis);
      if (Polytope.norm(v) <= RANK_TOLERANCE * norm) {
        continue; // already in the span: the common case once the first layer's rows are in
      }
      orthogonalise(v, basis);
      double residual = Polytope.norm(v);
      if (residual > RANK_TOLERANCE * norm) {
        for (int j = 0; j < v.length; j++) {
          v[j] /= residual;
        }
        basis.add(v);
      }
    }
    return new RowSpace(basis.toArray(double[][]::new));
  }

  private static void orthogonalise(double[] v, java.util.List<double[]> basis) {
    for (double[] q : basis) {
      double d = dot(q, v);
      for (int j = 0; j < v.length; j++) {
        v[j] -= d * q[j];
      }
    }
  }

  int rank() {
    return basis.length;
  }

  /** Q v: the coordinates of v's projection on the span. */
  double[] reduce(double[] v) {
    double[] y = new double[basis.length];
    for (int k = 0; k < basis.length; k++) {
      y[k] = dot(basis[k], v);
    }
    return y;
  }

  /**
   * The rows in span coordinates, with entries below {@link #NOISE} of the row's norm set to 0: a
   * row that helped build the basis is exactly 0 beyond its own position, and the 1e-17 left there
   * by rounding makes GLOP pivot on noise and end ABNORMAL.
   */
  double[][] reduceRows(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = reduce(rows[i]);
      double floor = NOISE * Polytope.norm(out[i]);
      for (int k = 0; k < out[i].length; k++) {
        if (Math.abs(out[i][k]) <= floor) {
          out[i][k] = 0;
        }
      }
    }
    return out;
  }

  /** Q^T y: the point of the span with coordinates y. */
  double[] lift(double[] y) {
    double[] x = new double[basis[0].length];
    for (int k = 0; k < basis.length; k++) {
      for (int j = 0; j < x.length; j++) {
        x[j] += y[k] * basis[k][j];
      }
    }
    return x;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }
}
