package io.tessera.math.polytope;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Output-sensitive facet finding (Clarkson's redundancy removal with ray shooting). With an
 * interior point z and a set S of rows already known to be facets, row i is tested by one LP over
 * S + {i} only: if even that relaxation keeps a_i . x <= c_i, row i is redundant; otherwise the LP
 * optimum x* lies beyond row i, and the ray from z to x* leaves the polytope through a facet, the
 * first hyperplane it meets, which joins S. Every LP is small (|S| + 1 rows), and there are at most
 * rows + facets of them, against one LP over all rows per row for {@link Facets#referenceLp}.
 *
 * <p>The LPs are solved inside a box of half-width {@link #BOX} around z so that they stay bounded:
 * a relaxation that is unbounded towards a_i then ends on the box, beyond row i, which is all the
 * test needs. When the ray meets several hyperplanes at the same point (a degenerate vertex), the
 * row is decided by the reference LP instead.
 */
public final class ClarksonFacets {
  static final double BOX = 1e6;
  private static final double ZERO_ROW = 1e-12;
  private static final double TIE = 1e-12;

  private ClarksonFacets() {}

  /** Active rows of a region with a non-empty interior, ascending; the same set as {@link Facets#referenceLp}. */
  public static int[] find(Polytope p) {
    double[] z = interiorPoint(p);
    int n = p.rows();
    double[] norms = new double[n];
    for (int i = 0; i < n; i++) {
      norms[i] = Polytope.norm(p.a()[i]);
    }
    BitSet facets = new BitSet(n);
    BitSet decided = new BitSet(n);
    for (int i = 0; i < n; i++) {
      if (norms[i] <= ZERO_ROW) {
        decided.set(i);
      }
    }
    for (int i = decided.nextClearBit(0); i < n; i = decided.nextClearBit(i + 1)) {
      while (!decided.get(i)) {
        double[] optimum = relaxedOptimum(p, facets, i, z);
        double excess = dot(p.a()[i], optimum) - p.c()[i];
        if (excess <= Facets.TOLERANCE * Math.max(1, Math.abs(p.c()[i]))) {
          decided.set(i); // redundant even against the facets alone
          continue;
        }
        int hit = firstHit(p, z, optimum, norms);
        if (hit < 0) {
          decided.set(i);
          if (isReferenceActive(p, i)) {
            facets.set(i);
          }
        } else {
          facets.set(hit);
          decided.set(hit);
        }
      }
    }
    return facets.stream().toArray();
  }

  /** max a_i . x over the known facets and row i's own relaxation a_i . x <= c_i + 1, inside the box. */
  private static double[] relaxedOptimum(Polytope p, BitSet facets, int i, double[] z) {
    List<double[]> rows = new ArrayList<>();
    List<Double> bounds = new ArrayList<>();
    for (int s = facets.nextSetBit(0); s >= 0; s = facets.nextSetBit(s + 1)) {
      rows.add(p.a()[s]);
      bounds.add(p.c()[s]);
    }
    rows.add(p.a()[i]);
    bounds.add(p.c()[i] + 1);
    double[] lower = new double[z.length];
    double[] upper = new double[z.length];
    for (int j = 0; j < z.length; j++) {
      lower[j] = z[j] - BOX;
      upper[j] = z[j] + BOX;
    }
    LinearPrograms.Solution s = LinearPrograms.maximise(p.a()[i], rows.toArray(double[][]::new),
        bounds.stream().mapToDouble(Double::doubleValue).toArray(), -1, lower, upper);
    if (s.status() != LinearPrograms.Status.OPTIMAL) {
      throw new IllegalStateException("a boxed LP around an interior point ended " + s.status());
    }
    return s.x();
  }

  /**
   * The row whose hyperplane the segment z -> x first crosses, or -1 when two rows tie (a
   * degenerate vertex) or nothing is crossed before x.
   */
  private static int firstHit(Polytope p, double[] z, double[] x, double[] norms) {
    double[] d = new double[z.length];
    for (int j = 0; j < z.length; j++) {
      d[j] = x[j] - z[j];
    }
    double best = Double.POSITIVE_INFINITY;
    int hit = -1;
    boolean tie = false;
    for (int r = 0; r < p.rows(); r++) {
      if (norms[r] <= ZERO_ROW) {
        continue;
      }
      double rate = dot(p.a()[r], d);
      if (rate <= 0) {
        continue;
      }
      double t = (p.c()[r] - dot(p.a()[r], z)) / rate;
      if (t < best - TIE * Math.max(1, Math.abs(best))) {
        best = t;
        hit = r;
        tie = false;
      } else if (Math.abs(t - best) <= TIE * Math.max(1, Math.abs(best))) {
        tie = true;
      }
    }
    return tie || best > 1 ? -1 : hit;
  }

  private static boolean isReferenceActive(Polytope p, int i) {
    LinearPrograms.Solution s = LinearPrograms.maximise(p.a()[i], p.a(), p.c(), i);
    return s.status() == LinearPrograms.Status.UNBOUNDED
        || (s.status() == LinearPrograms.Status.OPTIMAL && s.value() > p.c()[i] + Facets.TOLERANCE * Math.max(1, Math.abs(p.c()[i])));
  }

  /** The Chebyshev centre; inside a box when the ball is infinite. */
  private static double[] interiorPoint(Polytope p) {
    ChebyshevBall ball = ChebyshevBall.of(p, null, null);
    if (ball.radius() == Double.POSITIVE_INFINITY) {
      double[] lo = new double[p.dim()];
      double[] hi = new double[p.dim()];
      java.util.Arrays.fill(lo, -BOX);
      java.util.Arrays.fill(hi, BOX);
      ball = ChebyshevBall.of(p, lo, hi);
    }
    if (!(ball.radius() > 0)) {
      throw new IllegalArgumentException("the region has no interior (Chebyshev radius " + ball.radius() + ")");
    }
    return ball.centre();
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }
}
