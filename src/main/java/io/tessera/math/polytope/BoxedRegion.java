package io.tessera.math.polytope;

import io.tessera.math.MlpWeights;
import java.util.Arrays;

/**
 * One region of a low-dimensional network inside the box [lo, hi] (box mode of
 * docs/methods/polytopes-and-regions.md, Enumerating regions (Algorithm 1)): its facets inside the
 * box (network rows only; box sides are never flipped), its size, its Chebyshev ball in the box and
 * whether the unclipped region is bounded. Traversal-and-Pruning expands a region by flipping each
 * active row.
 *
 * @param activeRows network rows that bound the region inside the box, ascending
 * @param measure area in 2-D (exact, from the clipped polygon); NaN in 3-D, where the regions job
 *     estimates volumes by Monte Carlo
 * @param vertices the clipped polygon in 2-D, counter-clockwise; null in 3-D
 * @param radius Chebyshev radius of region ∩ box (in 2-D the inscribed circle of the clipped
 *     polygon, {@link PlanarRegion#inscribedRadius}); the region counts iff it is above {@link #EMPTY}
 * @param bounded whether the region is bounded in R^m (no box): {d : A d <= 0} = {0}
 */
public record BoxedRegion(Polytope polytope, int[] activeRows, double measure, double[][] vertices, double radius, boolean bounded) {
  /** Regions whose ball in the box is no larger than this are lower-dimensional slivers, not regions. */
  public static final double EMPTY = 1e-9;

  public static BoxedRegion of(MlpWeights net, long[] pattern, double[] lo, double[] hi) {
    return of(Polytope.of(net, pattern), lo, hi, null);
  }

  /**
   * As {@link #of(MlpWeights, long[], double[], double[])} for a built polytope; in 3-D with the
   * network facets already known when {@code knownFacets} is not null (the union of the region's
   * facets in the tiles that cover the box, see {@link TiledRegions}), which spares the facet LPs.
   * In 2-D the exact clipping is cheap and {@code knownFacets} is ignored.
   */
  public static BoxedRegion of(Polytope p, double[] lo, double[] hi, int[] knownFacets) {
    if (checkDim(p) == 2) {
      PlanarRegion planar = PlanarRegion.clip(p, lo, hi);
      double radius = planar.inscribedRadius();
      if (!(radius > EMPTY) && planar.area() > 0) {
        radius = ChebyshevBall.of(p, lo, hi).radius(); // a sliver: the LP has the last word
      }
      return radius > EMPTY
          ? new BoxedRegion(p, planar.activeRows(), planar.area(), planar.vertices(), radius, isBounded(p))
          : new BoxedRegion(p, new int[0], 0, new double[0][], radius, isBounded(p));
    }
    ChebyshevBall ball = ChebyshevBall.of(p, lo, hi);
    if (!(ball.radius() > EMPTY)) {
      return new BoxedRegion(p, new int[0], 0, null, ball.radius(), isBounded(p));
    }
    int[] network = knownFacets != null ? knownFacets : networkRows(p, facetsWithBox(p, lo, hi, ball.centre()));
    return new BoxedRegion(p, network, Double.NaN, null, ball.radius(), isBounded(p));
  }

  /** The corners {low, high} of the cube [lo, hi]^m. */
  public static double[][] cube(int m, double lo, double hi) {
    double[] low = new double[m];
    double[] high = new double[m];
    Arrays.fill(low, lo);
    Arrays.fill(high, hi);
    return new double[][] {low, high};
  }

  static int checkDim(Polytope p) {
    int m = p.dim();
    if (m != 2 && m != 3) {
      throw new IllegalArgumentException("region enumeration needs 2 or 3 inputs, the network has " + m);
    }
    return m;
  }

  /**
   * The facets of region ∩ box from a point strictly inside it: network rows 0..N-1, then box
   * sides N + 2j (x_j <= hi_j) and N + 2j + 1 (x_j >= lo_j), as in {@link #withBox}.
   */
  static int[] facetsWithBox(Polytope p, double[] lo, double[] hi, double[] interior) {
    return FacetSearch.find(withBox(p, lo, hi), interior);
  }

  /** The network rows among {@code facets}. */
  static int[] networkRows(Polytope p, int[] facets) {
    return Arrays.stream(facets).filter(row -> row < p.rows()).toArray();
  }

  public boolean isEmpty() {
    return !(radius > EMPTY);
  }

  /** The patterns across each active row. */
  public long[][] neighbours() {
    return Facets.neighbours(polytope, activeRows);
  }

  /** P_s with the 2m box sides appended as rows N..N+2m-1. */
  static Polytope withBox(Polytope p, double[] lo, double[] hi) {
    int n = p.rows();
    int m = p.dim();
    double[][] a = Arrays.copyOf(p.a(), n + 2 * m);
    double[] c = Arrays.copyOf(p.c(), n + 2 * m);
    for (int j = 0; j < m; j++) {
      a[n + 2 * j] = new double[m];
      a[n + 2 * j][j] = 1;
      c[n + 2 * j] = hi[j];
      a[n + 2 * j + 1] = new double[m];
      a[n + 2 * j + 1][j] = -1;
      c[n + 2 * j + 1] = -lo[j];
    }
    return new Polytope(p.pattern(), a, c, p.mapWeight(), p.mapBias());
  }

  /** In 2-D exactly from the rows ({@link PlanarRegion#isUnbounded}); otherwise by {@link #isBoundedByLp}. */
  private static boolean isBounded(Polytope p) {
    return p.dim() == 2 ? !PlanarRegion.isUnbounded(p.a()) : isBoundedByLp(p);
  }

  /** max ±d_j over A d <= 0, |d_j| <= 1 is 0 for every j iff the recession cone is {0}. */
  static boolean isBoundedByLp(Polytope p) {
    int m = p.dim();
    double[] zero = new double[p.rows()];
    double[] lower = new double[m];
    double[] upper = new double[m];
    Arrays.fill(lower, -1);
    Arrays.fill(upper, 1);
    for (int j = 0; j < m; j++) {
      for (double sign : new double[] {1, -1}) {
        double[] direction = new double[m];
        direction[j] = sign;
        LinearPrograms.Solution s = LinearPrograms.maximise(direction, p.a(), zero, -1, lower, upper);
        if (s.status() != LinearPrograms.Status.OPTIMAL || s.value() > EMPTY) {
          return false;
        }
      }
    }
    return true;
  }
}
