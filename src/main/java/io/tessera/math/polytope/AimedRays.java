package io.tessera.math.polytope;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Aims a ray from an interior point z at one chosen row, so that rays can certify facets that
 * the rows' own normals miss. With slacks s_j = c_j - a_j . z > 0 and u_j = a_j / s_j, the ray
 * z + t d reaches row j at t = 1 / (u_j . d), so it meets row k first iff u_k . d exceeds every
 * other u_j . d (polar duality about z: row k is a facet iff u_k is a vertex of conv{0, u_j}).
 * That is a system of linear inequalities in d; relaxed projections onto its most violated
 * inequality (Agmon-Motzkin) usually solve it in tens of steps when k is a facet with some room.
 * d is kept as a combination of the u_j, so with the Gram matrix G = U U^T one step costs
 * O(rows) instead of O(rows x dim). A direction is only a proposal: the caller shoots the ray and
 * checks it exactly; a row with no direction after {@link #STEPS} steps goes to the LP. Step 0
 * is the ray along the row's own normal, which is all that is tried above {@link #MAX_ROWS} rows.
 */
final class AimedRays {
  /** Above this many rows the Gram matrix (rows^2 doubles, 72 MB here) is not built and only normals are tried. */
  static final int MAX_ROWS = 3000;
  private static final int STEPS = 1000;
  /** Over-relaxation of each projection; between 1 and 2 converges, nearer 2 fastest in practice. */
  private static final double RELAX = 1.9;
  private static final double ZERO_ROW = 1e-12;

  private final double[][] u;
  private final double[] slack;
  private final double[] c;
  private final boolean[] usable;
  private final DMatrixRMaj gram;

  private AimedRays(double[][] u, double[] slack, double[] c, boolean[] usable) {
    this.u = u;
    this.slack = slack;
    this.c = c;
    this.usable = usable;
    if (u.length <= MAX_ROWS) {
      gram = new DMatrixRMaj(u.length, u.length);
      CommonOps_DDRM.multOuter(new DMatrixRMaj(u), gram);
    } else {
      gram = null;
    }
  }

  /** Aims from the point whose slacks are given (all positive on rows of non-zero norm). */
  static AimedRays from(double[][] a, double[] c, double[] slack) {
    double[][] u = new double[a.length][];
    boolean[] usable = new boolean[a.length];
    for (int j = 0; j < a.length; j++) {
      usable[j] = Polytope.norm(a[j]) > ZERO_ROW;
      u[j] = a[j].clone();
      for (int i = 0; i < u[j].length; i++) {
        u[j][i] = usable[j] ? u[j][i] / slack[j] : 0;
      }
    }
    return new AimedRays(u, slack, c, usable);
  }

  /**
   * A direction whose ray meets row k first, ahead of the second row by enough to pass the
   * reference's margin ({@link Facets#TOLERANCE}), or null when none was found (above
   * {@link #MAX_ROWS} rows: the normal, unchecked).
   */
  double[] direction(int k) {
    if (gram == null) {
      return u[k].clone();
    }
    int m = u.length;
    // The ray gains s_k (v_k / v_j - 1) on row k before reaching row j; ask for twice the margin.
    double ratio = 1 + 2 * Facets.TOLERANCE * Math.max(1, Math.abs(c[k])) / slack[k];
    double[] lambda = new double[m];
    lambda[k] = 1;
    double[] v = new double[m];
    System.arraycopy(gram.data, k * m, v, 0, m);
    for (int step = 0; step < STEPS; step++) {
      int worst = -1;
      for (int j = 0; j < m; j++) {
        if (j != k && usable[j] && (worst < 0 || v[j] > v[worst])) {
          worst = j;
        }
      }
      if (worst < 0 || (v[k] > 0 && v[k] > ratio * v[worst])) {
        return combination(lambda);
      }
      if (v[k] <= 0 && v[worst] <= 0) {
        return null; // the ray would leave through no row: nothing to certify this way
      }
      // Project onto (u_k - ratio u_w) . d >= 0, over-relaxed.
      double kk = gram.data[k * m + k];
      double kw = gram.data[k * m + worst];
      double ww = gram.data[worst * m + worst];
      double alpha = RELAX * (ratio * v[worst] - v[k]) / (kk - 2 * ratio * kw + ratio * ratio * ww);
      lambda[k] += alpha;
      lambda[worst] -= alpha * ratio;
      int rowK = k * m;
      int rowW = worst * m;
      for (int j = 0; j < m; j++) {
        v[j] += alpha * (gram.data[rowK + j] - ratio * gram.data[rowW + j]);
      }
    }
    return null;
  }

  private double[] combination(double[] lambda) {
    double[] d = new double[u[0].length];
    for (int j = 0; j < lambda.length; j++) {
      if (lambda[j] != 0) {
        for (int i = 0; i < d.length; i++) {
          d[i] += lambda[j] * u[j][i];
        }
      }
    }
    return d;
  }
}
