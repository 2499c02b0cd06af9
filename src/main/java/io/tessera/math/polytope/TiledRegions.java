package io.tessera.math.polytope;

import io.tessera.math.MlpWeights;
import io.tessera.math.PatternKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Region enumeration by tiles (docs/methods/polytopes-and-regions.md, Enumerating regions by
 * tiles). The box is cut into k^m equal tiles and each tile is traversed on its own: a tile is
 * convex, so the pieces region ∩ tile cover it and are connected across their facets, and one
 * breadth-first search from any interior point finds them all. A region is the set of its pieces,
 * merged by pattern; its facets in the box are the union of its pieces' facets, because each facet
 * of region ∩ box has a part of positive (m-1)-measure inside some tile. Tiles are independent, so
 * each is one task. Most regions lie inside one tile (no facet on a tile side inside the box):
 * such a piece is the whole region, and needs no merging.
 */
public final class TiledRegions {
  /** Points tried, in order, for a tile's first region: the centre, then fixed offsets from it. */
  private static final double[][] STARTS = {{0.5, 0.5, 0.5}, {0.382, 0.618, 0.455}, {0.618, 0.271, 0.764}, {0.236, 0.854, 0.146}};

  /**
   * A region's piece in one tile.
   *
   * @param activeRows the network rows that bound the piece inside the tile, ascending
   * @param empty whether the pattern, reached across a facet, has no interior in the tile
   * @param whole whether the piece is the whole region ∩ box: no facet lies on a tile side that
   *     is inside the box
   */
  public record Piece(Polytope polytope, int[] activeRows, boolean empty, boolean whole) {
    public long[] pattern() {
      return polytope.pattern();
    }
  }

  /** Thrown when a tile holds more pieces than the caller allows (a mis-set box, usually). */
  public static final class TooManyPieces extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooManyPieces(long limit) {
      super("more than " + limit + " regions in one tile");
    }
  }

  private TiledRegions() {}

  /** Corners {low, high} of tile {@code index} of the k^m tiles of [lo, hi]^m, k = {@code perAxis}; axis 0 varies fastest. */
  public static double[][] tile(int index, int perAxis, int m, double lo, double hi) {
    double[] low = new double[m];
    double[] high = new double[m];
    double step = (hi - lo) / perAxis;
    int rest = index;
    for (int j = 0; j < m; j++) {
      int cell = rest % perAxis;
      rest /= perAxis;
      low[j] = lo + cell * step;
      high[j] = cell == perAxis - 1 ? hi : lo + (cell + 1) * step; // the last tile ends exactly on the box
    }
    return new double[][] {low, high};
  }

  /**
   * Every piece inside the tile [lo, hi] of the box [boxLo, boxHi], breadth-first from the region
   * of a point inside it, with the empty patterns met on the way. At most {@code maxPieces}
   * non-empty pieces.
   */
  public static List<Piece> pieces(MlpWeights net, double[] lo, double[] hi, double boxLo, double boxHi, long maxPieces) {
    Tile tile = new Tile(lo, hi, boxLo, boxHi);
    Piece first = startPiece(net, tile);
    Set<PatternKey> seen = new HashSet<>();
    seen.add(new PatternKey(first.pattern()));
    ArrayDeque<Piece> queue = new ArrayDeque<>();
    queue.add(first);
    List<Piece> out = new ArrayList<>();
    long found = 0;
    while (!queue.isEmpty()) {
      Piece piece = queue.poll();
      out.add(piece);
      if (piece.empty()) {
        continue;
      }
      if (++found > maxPieces) {
        throw new TooManyPieces(maxPieces);
      }
      for (long[] neighbour : Facets.neighbours(piece.polytope(), piece.activeRows())) {
        if (seen.add(new PatternKey(neighbour))) {
          queue.add(piece(net, neighbour, tile));
        }
      }
    }
    return out;
  }

  /** A tile's corners, and which of its sides lie inside the box (where regions are cut). */
  private record Tile(double[] lo, double[] hi, boolean[] cutBelow, boolean[] cutAbove) {
    Tile(double[] lo, double[] hi, double boxLo, double boxHi) {
      this(lo, hi, new boolean[lo.length], new boolean[lo.length]);
      for (int j = 0; j < lo.length; j++) {
        cutBelow[j] = lo[j] > boxLo;
        cutAbove[j] = hi[j] < boxHi;
      }
    }
  }

  /**
   * The piece of a pattern's region in the tile: in 2-D by exact clipping (no LP), in 3-D by the
   * Chebyshev ball in the tile and the facets from its centre.
   */
  private static Piece piece(MlpWeights net, long[] pattern, Tile tile) {
    Polytope p = Polytope.of(net, pattern);
    if (BoxedRegion.checkDim(p) == 2) {
      PlanarRegion planar = PlanarRegion.clip(p, tile.lo(), tile.hi());
      boolean empty = !(planar.area() > 0);
      return new Piece(p, planar.activeRows(), empty, !empty && !onCutSide(planar.vertices(), tile));
    }
    ChebyshevBall ball = ChebyshevBall.of(p, tile.lo(), tile.hi());
    if (!(ball.radius() > BoxedRegion.EMPTY)) {
      return new Piece(p, new int[0], true, false);
    }
    int[] facets = BoxedRegion.facetsWithBox(p, tile.lo(), tile.hi(), ball.centre());
    boolean cut = false;
    for (int f : facets) {
      int side = f - p.rows(); // box sides: 2j is x_j <= hi_j, 2j + 1 is x_j >= lo_j
      cut |= side >= 0 && (side % 2 == 0 ? tile.cutAbove()[side / 2] : tile.cutBelow()[side / 2]);
    }
    return new Piece(p, BoxedRegion.networkRows(p, facets), false, !cut);
  }

  /**
   * Whether an edge of the clipped polygon runs along a tile side inside the box. Clipping keeps
   * the coordinate of a point cut on a tile side exact (it interpolates between two points that
   * share it), so equality is the test.
   */
  private static boolean onCutSide(double[][] vertices, Tile tile) {
    for (int v = 0; v < vertices.length; v++) {
      double[] a = vertices[v];
      double[] b = vertices[(v + 1) % vertices.length];
      for (int j = 0; j < 2; j++) {
        if ((tile.cutBelow()[j] && a[j] == tile.lo()[j] && b[j] == tile.lo()[j])
            || (tile.cutAbove()[j] && a[j] == tile.hi()[j] && b[j] == tile.hi()[j])) {
          return true;
        }
      }
    }
    return false;
  }

  /** The piece of the first start point whose region has an interior in the tile (a point on a boundary may not). */
  private static Piece startPiece(MlpWeights net, Tile tile) {
    int m = tile.lo().length;
    for (double[] fraction : STARTS) {
      double[] x = new double[m];
      for (int j = 0; j < m; j++) {
        x[j] = tile.lo()[j] + fraction[j % fraction.length] * (tile.hi()[j] - tile.lo()[j]);
      }
      Piece piece = piece(net, net.pattern(x), tile);
      if (!piece.empty()) {
        return piece;
      }
    }
    throw new IllegalStateException("no start point of the tile " + java.util.Arrays.toString(tile.lo()) + " - "
        + java.util.Arrays.toString(tile.hi()) + " lies inside a region; the network is degenerate there");
  }
}
