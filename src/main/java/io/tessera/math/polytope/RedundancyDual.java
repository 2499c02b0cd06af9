package io.tessera.math.polytope;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.BitSet;

/**
 * The per-row test of eq. 6 through its LP dual, in one GLOP model that every test reuses
 * (docs/methods/polytopes-and-regions.md, Facets). Row k is active iff max a_k . y over the other
 * rows exceeds c_k; by LP duality that maximum is min sum_j c_j lambda_j subject to
 * sum_{j != k} lambda_j a_j = a_k and lambda >= 0, and it is unbounded exactly when that dual is
 * infeasible. From one row to the next only the right-hand side a_k and the bound of lambda_k
 * (held at 0 while row k is tested) change, while the matrix and the objective stay fixed, so the
 * last optimal basis stays dual feasible and GLOP's dual simplex starts from it. The work is
 * bounded by construction: one LP per tested row.
 */
final class RedundancyDual implements AutoCloseable {
  private final double[][] a;
  private final double[] c;
  private final MPSolver solver = LinearPrograms.glop();
  private final MPConstraint[] span;
  private final MPVariable[] lambda;
  private final MPObjective goal;

  /** A model over the rows in {@code rows}; rows left out (already proven redundant, or zero) never enter a certificate. */
  RedundancyDual(double[][] a, double[] c, BitSet rows) {
    this.a = a;
    this.c = c;
    span = new MPConstraint[a[0].length];
    for (int i = 0; i < span.length; i++) {
      span[i] = solver.makeConstraint(0, 0, "span" + i);
    }
    lambda = new MPVariable[a.length];
    goal = solver.objective();
    for (int j = rows.nextSetBit(0); j >= 0; j = rows.nextSetBit(j + 1)) {
      lambda[j] = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "lambda" + j);
      goal.setCoefficient(lambda[j], c[j]);
      for (int i = 0; i < span.length; i++) {
        if (a[j][i] != 0) { // no explicit zeros: GLOP can end ABNORMAL on them
          span[i].setCoefficient(lambda[j], a[j][i]);
        }
      }
    }
    goal.setMinimization();
  }

  /** Eq. 6 for row k (one of the model's rows): whether it is active. */
  boolean isActive(int k) {
    for (int i = 0; i < span.length; i++) {
      span[i].setBounds(a[k][i], a[k][i]);
    }
    lambda[k].setUb(0);
    try {
      return switch (LinearPrograms.solveWarmDual(solver)) {
        case OPTIMAL -> Facets.exceeds(goal.value(), c[k]);
        case INFEASIBLE -> true; // the primal is unbounded
        // The primal is feasible (the region has an interior), so an unbounded dual is a solver fault.
        case UNBOUNDED -> throw new LinearPrograms.SolverFailure("the dual of row " + k + "'s test is unbounded");
      };
    } catch (LinearPrograms.SolverFailure abnormal) {
      return Facets.isActive(a, c, k); // the primal reference LP, in a fresh model
    } finally {
      lambda[k].setUb(Double.POSITIVE_INFINITY);
    }
  }

  @Override
  public void close() {
    solver.delete();
  }
}
