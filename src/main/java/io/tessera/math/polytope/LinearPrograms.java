package io.tessera.math.polytope;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The small LPs of polytope geometry, solved with OR-Tools' GLOP (a primal/dual simplex). The
 * native library ships inside the ortools-linux-x86-64 jar and is loaded once per JVM.
 */
final class LinearPrograms {
  private static boolean loaded;

  private LinearPrograms() {}

  /** How an LP ended; the value is meaningful for OPTIMAL only. */
  enum Status { OPTIMAL, UNBOUNDED, INFEASIBLE }

  record Solution(Status status, double value, double[] x) {}

  /** GLOP ended ABNORMAL, NOT_SOLVED or the like: no answer, though the LP has one. */
  static final class SolverFailure extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    SolverFailure(String message) {
      super(message);
    }
  }

  static synchronized MPSolver glop() {
    if (!loaded) {
      Loader.loadNativeLibraries();
      loaded = true;
    }
    MPSolver solver = MPSolver.createSolver("GLOP");
    if (solver == null) {
      throw new IllegalStateException("OR-Tools GLOP is not available");
    }
    return solver;
  }

  /**
   * Maximises objective . x subject to rows[i] . x <= bounds[i] (skipping row {@code skip}, -1 for
   * none), with every x_j free.
   */
  static Solution maximise(double[] objective, double[][] rows, double[] bounds, int skip) {
    return maximise(objective, rows, bounds, skip, null, null);
  }

  /** The same with lower[j] <= x_j <= upper[j] (null: free). */
  static Solution maximise(double[] objective, double[][] rows, double[] bounds, int skip, double[] lower, double[] upper) {
    return maximise(objective, rows, bounds, skip, lower, upper, false);
  }

  /** The same, solved first with GLOP's presolve when {@code presolve} (see {@link #solve}). */
  static Solution maximise(double[] objective, double[][] rows, double[] bounds, int skip, double[] lower, double[] upper, boolean presolve) {
    MPSolver solver = glop();
    try {
      int n = objective.length;
      MPVariable[] x = new MPVariable[n];
      for (int j = 0; j < n; j++) {
        x[j] = solver.makeNumVar(lower == null ? Double.NEGATIVE_INFINITY : lower[j], upper == null ? Double.POSITIVE_INFINITY : upper[j], "x" + j);
      }
      for (int i = 0; i < rows.length; i++) {
        if (i == skip) {
          continue;
        }
        setRow(solver.makeConstraint(Double.NEGATIVE_INFINITY, bounds[i]), x, rows[i]);
      }
      MPObjective goal = solver.objective();
      for (int j = 0; j < n; j++) {
        goal.setCoefficient(x[j], objective[j]);
      }
      goal.setMaximization();
      return solve(solver, goal, x, presolve);
    } finally {
      solver.delete();
    }
  }

  /**
   * Sets a fresh row's coefficients, leaving zeros out: GLOP can end ABNORMAL on a matrix that
   * holds explicit zero entries (seen on rotated rows, whose first entries are exactly 0).
   */
  static void setRow(MPConstraint row, MPVariable[] x, double[] coefficients) {
    for (int j = 0; j < x.length; j++) {
      if (coefficients[j] != 0) {
        row.setCoefficient(x[j], coefficients[j]);
      }
    }
  }

  /**
   * Solves without presolve, whose statuses are exact, or with {@code presolve} first: it speeds up
   * a one-off dense LP (a 1,500 x 785 Chebyshev LP of a trained MNIST net), but it can report
   * an unbounded LP as infeasible, so any answer other than OPTIMAL is checked again without it.
   */
  static Solution solve(MPSolver solver, MPObjective goal, MPVariable[] x, boolean presolve) {
    MPSolver.ResultStatus status = solveWith(solver, parameters(presolve));
    if (presolve && status != MPSolver.ResultStatus.OPTIMAL) {
      status = solveWith(solver, parameters(false));
    }
    if (status == MPSolver.ResultStatus.ABNORMAL || status == MPSolver.ResultStatus.NOT_SOLVED) {
      // The primal simplex can end ABNORMAL on a dense trained region (seen on a 784-340x5 MNIST
      // net's per-row reference LP); the dual simplex from scratch is the second try.
      status = solveWith(solver, dual(parameters(false)));
    }
    return switch (status(status)) {
      case OPTIMAL -> {
        double[] point = new double[x.length];
        for (int j = 0; j < x.length; j++) {
          point[j] = x[j].solutionValue();
        }
        yield new Solution(Status.OPTIMAL, goal.value(), point);
      }
      case UNBOUNDED -> new Solution(Status.UNBOUNDED, Double.POSITIVE_INFINITY, null);
      case INFEASIBLE -> new Solution(Status.INFEASIBLE, Double.NEGATIVE_INFINITY, null);
    };
  }

  /**
   * Solves a model solved before with the dual simplex and no presolve, so that GLOP starts from
   * the last optimal basis; that basis stays dual feasible when only the right-hand side or
   * bounds changed (FacetSearch's dual redundancy test). Throws {@link SolverFailure} where GLOP gives no answer.
   */
  static Status solveWarmDual(MPSolver solver) {
    return status(solveWith(solver, dual(parameters(false))));
  }

  private static Status status(MPSolver.ResultStatus status) {
    return switch (status) {
      case OPTIMAL -> Status.OPTIMAL;
      case UNBOUNDED -> Status.UNBOUNDED;
      case INFEASIBLE -> Status.INFEASIBLE;
      default -> throw new SolverFailure("GLOP ended with status " + status);
    };
  }

  private static MPSolverParameters dual(MPSolverParameters parameters) {
    parameters.setIntegerParam(MPSolverParameters.IntegerParam.LP_ALGORITHM, MPSolverParameters.LpAlgorithmValues.DUAL.swigValue());
    return parameters;
  }

  private static MPSolverParameters parameters(boolean presolve) {
    MPSolverParameters parameters = new MPSolverParameters();
    parameters.setIntegerParam(MPSolverParameters.IntegerParam.PRESOLVE,
        (presolve ? MPSolverParameters.PresolveValues.PRESOLVE_ON : MPSolverParameters.PresolveValues.PRESOLVE_OFF).swigValue());
    return parameters;
  }

  private static MPSolver.ResultStatus solveWith(MPSolver solver, MPSolverParameters parameters) {
    Deadline.check();
    Double left = Deadline.remainingSeconds();
    if (left != null) {
      solver.setTimeLimit(Math.max(1, (long) Math.ceil(left * 1000)));
    }
    MPSolver.ResultStatus status = solver.solve(parameters);
    if (status == MPSolver.ResultStatus.NOT_SOLVED || status == MPSolver.ResultStatus.ABNORMAL) {
      Deadline.check(); // GLOP stopped at its time limit
    }
    return status;
  }
}
