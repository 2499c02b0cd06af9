package io.tessera.math.polytope;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import io.tessera.math.simplex.VertexWalk;
import java.util.BitSet;

/**
 * The production facet method: exact, and the same set as {@link Facets#referenceLp}, at a
 * fraction of its cost on large regions. Three ideas (docs/methods/polytopes-and-regions.md, Facets
 * (eq. 6), Working in the span of the rows and Methods and tolerances):
 * <ol>
 *   <li>The geometry runs in the rows' span ({@link RowSpace}): 340 variables instead of 784 on
 *       MNIST-sized nets, with every LP value unchanged.
 *   <li>Ray shooting from an interior point z: the first hyperplane a ray meets is a facet, and a
 *       ray costs one pass over the rows and no LP. A ray is aimed at each row in turn
 *       ({@link AimedRays}); on a trained 784-340x5 region they certify most facets in seconds
 *       (the progress lines of bench/facets-trained show how many).
 *   <li>The reference test itself for every row the rays leave undecided: max a_k . x over the
 *       other rows, by a primal simplex that walks the region's vertices
 *       ({@link io.tessera.math.simplex.VertexWalk}), each test starting from the best of the
 *       vertices where earlier tests ended inside the region. A test that needs more than {@link #MAX_PIVOTS_PER_RANK}
 *       x rank pivots, that ends within rounding of the bound, or that rounding stops, goes to the
 *       LP dual in one GLOP model ({@link RedundancyDual}). That is one LP per row at most, so the
 *       work per region is bounded whatever the region.
 * </ol>
 * A ray certifies its first hyperplane j only when the point just before the second one proves the
 * reference's own test (max a_j . x exceeds c_j by more than {@link Facets#TOLERANCE}) by more than
 * rounding ({@link #ROUNDING_BAND}); rays that tie
 * (duplicated rows, degenerate vertices) certify nothing, and the LP settles such rows.
 */
public final class FacetSearch {
  private static final double ZERO_ROW = 1e-12;
  /** Caps the Chebyshev LP so that a region with an infinite ball still gets a finite interior point. */
  private static final double MAX_RADIUS = 1e3;
  /** The walk's pivots per row test, as a multiple of the rank, before GLOP takes the row over. */
  static final int MAX_PIVOTS_PER_RANK = 10;
  /** A walk's maximum this close to the bound (relative to max(1, |c_k|)) is left to GLOP, whose verdict the reference shares. */
  private static final double ROUNDING_BAND = 1e-9;
  private FacetSearch() {}

  /** Active rows of a region with a non-empty interior, ascending, from its Chebyshev centre. */
  public static int[] find(Polytope p) {
    return find(p, null);
  }

  /** Active rows, ascending, with rays from {@code interior} (strictly inside, best well centred) or, if null, the Chebyshev centre. */
  public static int[] find(Polytope p, double[] interior) {
    return find(p, interior, FacetProgress.NONE);
  }

  /** As {@link #find(Polytope, double[])}, reporting to {@code progress} every ten seconds. */
  public static int[] find(Polytope p, double[] interior, FacetProgress progress) {
    return find(p, interior, new FacetProgress.Clock(progress, FacetProgress.EVERY_NANOS));
  }

  static int[] find(Polytope p, double[] interior, FacetProgress.Clock clock) {
    int n = p.rows();
    requireFeasibleZeroRows(p);
    RowSpace span = RowSpace.of(p.a(), p.dim());
    if (span.rank() == 0) {
      return new int[0];
    }
    double[][] a = span.reduceRows(p.a());
    double[] c = p.c();
    double[] z = interior == null ? centre(a, c) : span.reduce(interior);
    double[] norms = new double[n];
    for (int i = 0; i < n; i++) {
      norms[i] = Polytope.norm(a[i]);
    }
    double[] slack = new double[n];
    BitSet decided = new BitSet(n);
    for (int i = 0; i < n; i++) {
      slack[i] = c[i] - RowSpace.dot(a[i], z);
      if (norms[i] <= ZERO_ROW) {
        decided.set(i);
      } else if (!(slack[i] > 0)) {
        throw new IllegalArgumentException("the point is not strictly inside the region: row " + i + " has slack " + slack[i]);
      }
    }
    BitSet facets = new BitSet(n);
    AimedRays aimer = AimedRays.from(a, c, slack);
    for (int k = decided.nextClearBit(0); k < n; k = decided.nextClearBit(k + 1)) {
      Deadline.check();
      clock.tick(decided, n, facets, 0);
      double[] direction = aimer.direction(k);
      int hit = direction == null ? -1 : firstHit(a, c, norms, slack, direction, facets);
      if (hit >= 0) {
        facets.set(hit);
        decided.set(hit);
      }
    }
    new RowTests(a, c, norms, z).decide(decided, facets, clock);
    return facets.stream().toArray();
  }

  /**
   * The row a ray from z along {@code direction} meets first, when the gap to the second proves it
   * a facet (see the class comment); -1 when the ray proves nothing new.
   */
  private static int firstHit(double[][] a, double[] c, double[] norms, double[] slack, double[] direction, BitSet facets) {
    double first = Double.POSITIVE_INFINITY;
    double second = Double.POSITIVE_INFINITY;
    double firstRate = 0;
    int hit = -1;
    for (int r = 0; r < a.length; r++) {
      if (norms[r] <= ZERO_ROW) {
        continue;
      }
      double rate = RowSpace.dot(a[r], direction);
      if (rate <= 0) {
        continue;
      }
      double t = slack[r] / rate;
      if (t < first) {
        second = first;
        first = t;
        firstRate = rate;
        hit = r;
      } else if (t < second) {
        second = t;
      }
    }
    if (hit < 0 || facets.get(hit)) {
      return -1;
    }
    // Just before the second hyperplane every other row holds, and a_hit . x = c_hit + gap.
    double gap = second == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : (second - first) * firstRate;
    return c[hit] + gap > bound(c[hit]) + band(c[hit]) ? hit : -1;
  }

  /** The value above which a row counts as active, as in {@link Facets#exceeds}. */
  private static double bound(double ck) {
    return ck + Facets.TOLERANCE * Math.max(1, Math.abs(ck));
  }

  /** How near {@link #bound} a value is left to GLOP: within it the verdict is rounding, and the reference's solver decides. */
  private static double band(double ck) {
    return ROUNDING_BAND * Math.max(1, Math.abs(ck));
  }

  private static void requireFeasibleZeroRows(Polytope p) {
    for (int i = 0; i < p.rows(); i++) {
      if (Polytope.norm(p.a()[i]) <= ZERO_ROW && p.c()[i] < -ZERO_ROW) {
        throw new IllegalArgumentException("the region is empty: row " + i + " reads 0 <= " + p.c()[i]);
      }
    }
  }

  /** The Chebyshev centre in the span, of a ball no larger than {@link #MAX_RADIUS}. */
  private static double[] centre(double[][] a, double[] c) {
    ChebyshevBall ball = ChebyshevBall.capped(a, c, MAX_RADIUS);
    if (!(ball.radius() > 0)) {
      throw new IllegalArgumentException("the region has no interior (Chebyshev radius " + ball.radius() + ")");
    }
    return ball.centre();
  }

  /**
   * Decides the rows the rays left: the vertex walk first, GLOP's dual where the walk gives no
   * clear answer, and GLOP for every remaining row if rounding stops the walk.
   */
  private static final class RowTests {
    private final double[][] a;
    private final double[] c;
    private final double[] norms;
    private final double[] z;
    private RedundancyDual fallback;
    private VertexWalk walk;
    private boolean walkFailed;

    RowTests(double[][] a, double[] c, double[] norms, double[] z) {
      this.a = a;
      this.c = c;
      this.norms = norms;
      this.z = z;
    }

    void decide(BitSet decided, BitSet facets, FacetProgress.Clock clock) {
      int n = a.length;
      int tests = 0;
      try {
        for (int k = decided.nextClearBit(0); k < n; k = decided.nextClearBit(k + 1)) {
          Deadline.check();
          clock.tick(decided, n, facets, tests);
          tests++;
          if (isActive(k)) {
            facets.set(k);
          }
          decided.set(k);
        }
      } finally {
        if (fallback != null) {
          fallback.close();
        }
      }
    }

    private boolean isActive(int k) {
      double bound = bound(c[k]);
      double band = band(c[k]);
      double value = Double.NaN;
      if (!walkFailed) {
        try {
          if (walk == null) { // from the centre towards the first row tested
            walk = VertexWalk.from(a, c, z, a[k]);
          }
          value = walk.maximum(k, bound + band, MAX_PIVOTS_PER_RANK * a[0].length);
        } catch (ArithmeticException rounding) {
          walkFailed = true;
        }
      }
      if (!Double.isNaN(value) && Math.abs(value - bound) > band) {
        return value > bound;
      }
      if (fallback == null) {
        BitSet rows = new BitSet(a.length);
        for (int i = 0; i < a.length; i++) {
          if (norms[i] > ZERO_ROW) {
            rows.set(i);
          }
        }
        fallback = new RedundancyDual(a, c, rows);
      }
      return fallback.isActive(k);
    }
  }

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
  private static final class RedundancyDual implements AutoCloseable {
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
}
