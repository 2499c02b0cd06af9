package io.tessera.math.polytope;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * The production facet method: exact, and the same set as {@link Facets#referenceLp}, at a
 * fraction of its cost on large regions. Three ideas (docs/methods/polytopes-and-regions.md, Facets
 * (eq. 6), Working in the span of the rows and Methods and tolerances):
 * <ol>
 *   <li>The geometry runs in the rows' span ({@link RowSpace}): 340 variables instead of 784 on
 *       MNIST-sized nets, with every LP value unchanged.
 *   <li>Ray shooting from an interior point z: the first hyperplane a ray meets is a facet, and a
 *       ray costs one pass over the rows and no LP. A ray is aimed at each row in turn
 *       ({@link AimedRays}); from the Chebyshev centre of a 784-340x5 region the rows' own normals
 *       certify about a third of the facets, and aimed rays bring that to about 97% in seconds.
 *   <li>Clarkson's redundancy removal for the rest: row k is tested by one LP over the facets found
 *       so far and k itself (capped at c_k + 1, so the LP is always bounded). If even that keeps
 *       a_k . x <= c_k, k is redundant; otherwise rays towards the optimum leave through new
 *       facets. They start from z and from up to {@link #ORIGINS} interior points halfway to
 *       earlier hits, so one LP often yields several facets. The facets' LP is kept in one GLOP
 *       model that grows by a row per facet (one LP still costs 0.2-0.5 s at 1,000-1,600 x 340,
 *       which is why the rays come first).
 * </ol>
 * A ray certifies its first hyperplane j only when the point just before the second one proves the
 * reference's own test (max a_j . x exceeds c_j by more than {@link Facets#TOLERANCE}); rays that tie
 * (duplicated rows, degenerate vertices) certify nothing, and the reference LP settles such rows.
 */
public final class ClarksonFacets {
  private static final double ZERO_ROW = 1e-12;
  /** Caps the Chebyshev LP so that a region with an infinite ball still gets a finite interior point. */
  private static final double MAX_RADIUS = 1e3;
  /** Interior points that rays start from: the centre and midpoints towards earlier hits. */
  private static final int ORIGINS = 16;
  private static final long RAY_SEED = 20_240_601L;
  private ClarksonFacets() {}

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
    int lps = 0;
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
    Rays rays = new Rays(a, c, norms);
    Rays.Origin centre = rays.origin(z);
    BitSet decided = new BitSet(n);
    for (int i = 0; i < n; i++) {
      if (norms[i] <= ZERO_ROW) {
        decided.set(i);
      } else if (!(centre.slack()[i] > 0)) {
        throw new IllegalArgumentException("the point is not strictly inside the region: row " + i + " has slack " + centre.slack()[i]);
      }
    }
    BitSet facets = new BitSet(n);
    List<Rays.Origin> origins = new ArrayList<>(List.of(centre));
    Random random = new Random(RAY_SEED);
    try (FacetLp lp = new FacetLp(a, c)) {
      AimedRays aimer = AimedRays.from(a, c, centre.slack());
      for (int k = decided.nextClearBit(0); k < n; k = decided.nextClearBit(k + 1)) {
        Deadline.check();
        clock.tick(decided, n, facets, lps);
        double[] direction = aimer.direction(k);
        if (direction != null) {
          double[] target = z.clone();
          for (int j = 0; j < target.length; j++) {
            target[j] += direction[j];
          }
          certified(rays, centre, target, facets, decided, lp, origins, random);
        }
      }
      for (int k = decided.nextClearBit(0); k < n; k = decided.nextClearBit(k + 1)) {
        while (!decided.get(k)) {
          clock.tick(decided, n, facets, lps);
          double[] optimum = lp.relaxedOptimum(k);
          lps++;
          if (!Facets.exceeds(RowSpace.dot(a[k], optimum), c[k])) {
            decided.set(k); // redundant even against the facets alone
            continue;
          }
          boolean found = false;
          for (Rays.Origin origin : List.copyOf(origins)) {
            found |= certified(rays, origin, optimum, facets, decided, lp, origins, random);
          }
          if (!found) {
            decided.set(k);
            lps++;
            if (Facets.isActive(a, c, k)) {
              facets.set(k);
              lp.addFacet(k);
            }
          }
        }
      }
    }
    return facets.stream().toArray();
  }


  /**
   * One ray; a new facet joins the LP, and the midpoint between its hit point and the centre (an
   * interior point) joins the ray origins, up to {@link #ORIGINS}, replacing a random one after.
   */
  private static boolean certified(Rays rays, Rays.Origin from, double[] target, BitSet facets, BitSet decided,
      FacetLp lp, List<Rays.Origin> origins, Random random) {
    double[] hitPoint = new double[target.length];
    int hit = rays.certify(from, target, facets, decided, hitPoint);
    if (hit < 0) {
      return false;
    }
    lp.addFacet(hit);
    double[] centre = origins.get(0).point();
    for (int j = 0; j < hitPoint.length; j++) {
      hitPoint[j] = 0.5 * (hitPoint[j] + centre[j]);
    }
    Rays.Origin origin = rays.origin(hitPoint);
    if (origins.size() < ORIGINS) {
      origins.add(origin);
    } else {
      origins.set(1 + random.nextInt(ORIGINS - 1), origin);
    }
    return true;
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

  /** Rays through the region from interior points, each with every row's slack there. */
  private record Rays(double[][] a, double[] c, double[] norms) {
    /** An interior point and c - A o, computed once per origin. */
    record Origin(double[] point, double[] slack) {}

    Origin origin(double[] point) {
      double[] slack = new double[a.length];
      for (int i = 0; i < a.length; i++) {
        slack[i] = c[i] - RowSpace.dot(a[i], point);
      }
      return new Origin(point, slack);
    }

    /**
     * Shoots from {@code from} towards {@code target}; the first hyperplane met becomes a facet
     * when the gap to the second proves it (see the class comment). Returns it, or -1 when the ray
     * proves nothing new. {@code hits} receives the hit point.
     */
    int certify(Origin from, double[] target, BitSet facets, BitSet decided, double[] hits) {
      double[] direction = new double[target.length];
      for (int j = 0; j < direction.length; j++) {
        direction[j] = target[j] - from.point()[j];
      }
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
        double t = from.slack()[r] / rate;
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
      if (!Facets.exceeds(c[hit] + gap, c[hit])) {
        return -1;
      }
      facets.set(hit);
      decided.set(hit);
      if (hits != null) {
        for (int j = 0; j < hits.length; j++) {
          hits[j] = from.point()[j] + first * direction[j];
        }
      }
      return hit;
    }
  }

  /**
   * max a_k . y over the facets found so far and a_k . y <= c_k + 1, in one GLOP model with a row per
   * facet and a probe row rewritten for each k. Rewriting leaves explicit zeros, on which GLOP can end
   * ABNORMAL (seen on trained nets): such an LP is solved again in a fresh model.
   */
  private static final class FacetLp implements AutoCloseable {
    private final double[][] a;
    private final double[] c;
    private final MPSolver solver = LinearPrograms.glop();
    private final MPVariable[] y;
    private final MPConstraint probe;
    private final MPObjective goal;

    FacetLp(double[][] a, double[] c) {
      this.a = a;
      this.c = c;
      y = new MPVariable[a[0].length];
      for (int j = 0; j < y.length; j++) {
        y[j] = solver.makeNumVar(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "y" + j);
      }
      probe = solver.makeConstraint(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "probe");
      goal = solver.objective();
      goal.setMaximization();
    }

    private final List<Integer> rows = new ArrayList<>();

    void addFacet(int row) {
      LinearPrograms.setRow(solver.makeConstraint(Double.NEGATIVE_INFINITY, c[row], "f" + row), y, a[row]);
      rows.add(row);
    }

    double[] relaxedOptimum(int k) {
      for (int j = 0; j < y.length; j++) {
        probe.setCoefficient(y[j], a[k][j]);
        goal.setCoefficient(y[j], a[k][j]);
      }
      probe.setUb(c[k] + 1);
      LinearPrograms.Solution s;
      try {
        s = LinearPrograms.solve(solver, goal, y, false);
      } catch (LinearPrograms.SolverFailure abnormal) {
        s = fresh(k);
      }
      if (s.status() != LinearPrograms.Status.OPTIMAL) {
        throw new IllegalStateException("a capped LP over a region's facets ended " + s.status());
      }
      return s.x();
    }

    /** The same LP in a new model: the facets' rows and the probe, zeros left out, presolved first. */
    LinearPrograms.Solution fresh(int k) {
      List<Integer> system = new ArrayList<>(rows);
      system.add(k);
      double[] bounds = system.stream().mapToDouble(i -> i == k ? c[k] + 1 : c[i]).toArray();
      return LinearPrograms.maximise(a[k], system.stream().map(i -> a[i]).toArray(double[][]::new), bounds, -1, null, null, true);
    }

    @Override
    public void close() {
      solver.delete();
    }
  }
}
