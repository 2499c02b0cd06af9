package io.tessera.math.simplex;

import java.util.Arrays;

/**
 * The state of a {@link VertexWalk} at one vertex: its r tight rows (the basis), the inverse of
 * their matrix by columns, the multipliers of the current objective and the edge norms, and each
 * row's distance to its hyperplane as last measured, with the path length walked since.
 */
final class Vertex {
  final double[] x;
  final int[] basis;
  /** Basis position of each row, -1 when not tight. */
  final int[] position;
  /** col[q]: the inverse's column q, i.e. the edge that leaves the q-th tight row (a_basis[p] . col[q] = [p == q]). */
  final double[][] col;
  final double[] norm2;
  /** a_goal = sum_q lambda[q] a_basis[q]. */
  final double[] lambda;
  /** Distance of each row's hyperplane from x as measured when the path length was stamp[j]. */
  final double[] distance;
  final double[] stamp;
  double path;
  /** Pivots since the inverse was last computed from scratch: its rounding grows with them. */
  int pivotsSinceFactor;

  Vertex(int r, int n) {
    x = new double[r];
    basis = new int[r];
    position = new int[n];
    Arrays.fill(position, -1);
    col = new double[r][r];
    norm2 = new double[r];
    lambda = new double[r];
    distance = new double[n];
    stamp = new double[n];
  }

  private Vertex(Vertex v) {
    x = v.x.clone();
    basis = v.basis.clone();
    position = v.position.clone();
    col = new double[v.col.length][];
    for (int q = 0; q < col.length; q++) {
      col[q] = v.col[q].clone();
    }
    norm2 = v.norm2.clone();
    lambda = v.lambda.clone();
    distance = v.distance.clone();
    stamp = v.stamp.clone();
    path = v.path;
    pivotsSinceFactor = v.pivotsSinceFactor;
  }

  Vertex copy() {
    return new Vertex(this);
  }

  /** The multipliers of {@code goal} in the tight rows. */
  void price(double[] goal) {
    for (int q = 0; q < col.length; q++) {
      lambda[q] = VertexWalk.dot(goal, col[q]);
    }
  }

  /**
   * The tight row to leave: the steepest edge up (largest -lambda_q / |col_q|), or under Bland's
   * rule the lowest row index among the edges up; -1 when no edge rises by more than a relative
   * 1e-10, i.e. the vertex is optimal.
   */
  int leaving(double goalNorm2, boolean bland) {
    double floor = 1e-20 * goalNorm2;
    int best = -1;
    double bestScore = 0;
    for (int q = 0; q < lambda.length; q++) {
      if (lambda[q] >= 0) {
        continue;
      }
      double score = lambda[q] * lambda[q] / norm2[q];
      if (score <= floor) {
        continue;
      }
      if (bland ? best < 0 || basis[q] < basis[best] : score > bestScore) {
        best = q;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * Row {@code row} (normal {@code normal}) replaces the tight row at position p: the rank-one
   * update of the inverse, with the edge norms and multipliers updated in the same pass.
   */
  void replace(int p, int row, double[] normal) {
    int r = col.length;
    double[] pivot = col[p];
    double inverse = 1 / VertexWalk.dot(normal, pivot);
    for (int i = 0; i < r; i++) {
      pivot[i] *= inverse;
    }
    norm2[p] = VertexWalk.dot(pivot, pivot);
    lambda[p] *= inverse;
    for (int q = 0; q < r; q++) {
      if (q == p) {
        continue;
      }
      // One pass per column while it sits in cache: its product with the new row, then the update.
      double[] column = col[q];
      double f = VertexWalk.dot(normal, column);
      if (f == 0) {
        continue;
      }
      for (int i = 0; i < r; i++) {
        column[i] -= f * pivot[i];
      }
      norm2[q] = VertexWalk.dot(column, column);
      lambda[q] -= f * lambda[p];
    }
    position[basis[p]] = -1;
    basis[p] = row;
    position[row] = p;
    pivotsSinceFactor++;
  }
}
