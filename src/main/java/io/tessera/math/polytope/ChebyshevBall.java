package io.tessera.math.polytope;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The largest ball inside a polytope (Liu eqs. 7-8): maximise r subject to a_i . x + r |a_i| <= c_i,
 * optionally intersected with a box lo <= x_j <= hi so that unbounded regions get finite answers.
 * r is free, so a region with empty interior gets r <= 0 (the XOR net's pattern 01 gives
 * -sqrt(2)/4: docs/methods/polytopes-and-regions.md, Worked example: the XOR network) instead of an
 * infeasible LP.
 *
 * @param radius the Chebyshev radius; +Infinity when the region is unbounded and no box is given
 * @param centre the centre, or null when the radius is infinite or the region is empty
 */
public record ChebyshevBall(double radius, double[] centre) {
  /** Zero rows of A: 0 <= c_i holds everywhere or nowhere; below this they count as violated. */
  private static final double ZERO_ROW = 1e-12;

  public static ChebyshevBall of(Polytope p, double[] lo, double[] hi) {
    return solve(p.a(), p.c(), -1, lo, hi, Double.POSITIVE_INFINITY);
  }

  /**
   * A ball of radius min(r, maxRadius) in {x : a x <= c}, for callers that need an interior point
   * of a region that may be unbounded (the capped LP always has an optimum).
   */
  static ChebyshevBall capped(double[][] a, double[] c, double maxRadius) {
    return solve(a, c, -1, null, null, maxRadius);
  }

  /**
   * The largest (m-1)-dimensional ball in the facet that region {@code p} shares with its neighbour
   * across row {@code row}: both regions' other rows keep the ball clear, and the centre lies on
   * the hyperplane a_row . x = c_row. A positive radius proves the two regions share that facet.
   */
  public static ChebyshevBall ofSharedFacet(Polytope p, Polytope neighbour, int row, double[] lo, double[] hi) {
    int n = p.rows();
    double[][] a = new double[2 * n][];
    double[] c = new double[2 * n];
    for (int i = 0; i < n; i++) {
      a[i] = p.a()[i];
      c[i] = p.c()[i];
      a[n + i] = neighbour.a()[i];
      c[n + i] = neighbour.c()[i];
    }
    return solve(a, c, row, lo, hi, Double.POSITIVE_INFINITY);
  }

  /** Rows {@code onPlane} (of the first half) and {@code onPlane + rows/2} hold with equality and do not shrink the ball. */
  private static ChebyshevBall solve(double[][] a, double[] c, int onPlane, double[] lo, double[] hi, double maxRadius) {
    int m = a[0].length;
    MPSolver solver = LinearPrograms.glop();
    try {
      MPVariable[] x = new MPVariable[m];
      for (int j = 0; j < m; j++) {
        x[j] = solver.makeNumVar(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "x" + j);
      }
      MPVariable r = solver.makeNumVar(Double.NEGATIVE_INFINITY, maxRadius, "r");
      for (int i = 0; i < a.length; i++) {
        double norm = Polytope.norm(a[i]);
        if (norm <= ZERO_ROW) {
          if (c[i] < -ZERO_ROW) {
            return new ChebyshevBall(Double.NEGATIVE_INFINITY, null); // 0 <= c_i < 0: no point at all
          }
          continue;
        }
        boolean plane = onPlane >= 0 && (i == onPlane || i == onPlane + a.length / 2);
        MPConstraint row = solver.makeConstraint(Double.NEGATIVE_INFINITY, c[i]);
        LinearPrograms.setRow(row, x, a[i]);
        if (!plane) {
          row.setCoefficient(r, norm);
        }
      }
      if (lo != null) {
        for (int j = 0; j < m; j++) {
          MPConstraint below = solver.makeConstraint(Double.NEGATIVE_INFINITY, -lo[j]);
          below.setCoefficient(x[j], -1);
          below.setCoefficient(r, 1);
          MPConstraint above = solver.makeConstraint(Double.NEGATIVE_INFINITY, hi[j]);
          above.setCoefficient(x[j], 1);
          above.setCoefficient(r, 1);
        }
      }
      MPObjective goal = solver.objective();
      goal.setCoefficient(r, 1);
      goal.setMaximization();
      MPVariable[] all = new MPVariable[m + 1];
      System.arraycopy(x, 0, all, 0, m);
      all[m] = r;
      LinearPrograms.Solution s = LinearPrograms.solve(solver, goal, all, true);
      return switch (s.status()) {
        case OPTIMAL -> new ChebyshevBall(s.value(), java.util.Arrays.copyOf(s.x(), m));
        case UNBOUNDED -> new ChebyshevBall(Double.POSITIVE_INFINITY, null);
        case INFEASIBLE -> new ChebyshevBall(Double.NEGATIVE_INFINITY, null);
      };
    } finally {
      solver.delete();
    }
  }
}
