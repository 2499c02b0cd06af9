package io.tessera.math.polytope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TestModels;
import io.tessera.math.MlpWeights;
import io.tessera.math.PatternKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Tiled enumeration (docs/methods/polytopes-and-regions.md, Enumerating regions by tiles) against
 * the single-thread traversal of the whole box: the same regions at every tiling, and in 3-D the
 * same facets, including regions cut by three or more tiles and the regions in the box's corners.
 */
class TiledRegionsTest {
  /** Pattern -> the union of its pieces' facets, how many tiles hold a piece of it, and how many of those said "whole". */
  private record Merged(TreeSet<Integer> facets, int tiles, int wholes) {}

  @Test
  void tilesTogetherFindExactlyTheRegionsOfTheWholeBoxIn2d() {
    MlpWeights net = TestModels.random(34, 2, 8, 8, 1);
    List<BoxedRegion> reference = ReferenceTraversal.regions(net, new double[] {0, 0}, -3, 3);
    for (int perAxis : new int[] {1, 2, 3, 5, 8}) {
      Map<PatternKey, Merged> merged = merge(net, perAxis, -3, 3);
      assertEquals(keys(reference), merged.keySet(), perAxis + " tiles per axis");
      for (BoxedRegion r : reference) {
        assertArrayEquals(r.activeRows(), toArray(merged.get(new PatternKey(r.polytope().pattern())).facets()),
            "facets are the union of the pieces' at " + perAxis + " tiles per axis");
      }
      if (perAxis >= 3) {
        assertTrue(merged.values().stream().anyMatch(v -> v.tiles() >= 3), "some region straddles three or more tiles");
      }
      assertWholeMeansOneTile(merged, perAxis);
    }
    assertCornersFound(net, merge(net, 5, -3, 3), -3, 3);
  }

  @Test
  void tilesTogetherFindTheRegionsAndFacetsOfTheWholeBoxIn3d() {
    MlpWeights net = TestModels.random(7, 3, 6, 6, 1);
    List<BoxedRegion> reference = ReferenceTraversal.regions(net, new double[] {0, 0, 0}, -2, 2);
    for (int perAxis : new int[] {1, 2, 3}) {
      Map<PatternKey, Merged> merged = merge(net, perAxis, -2, 2);
      assertEquals(keys(reference), merged.keySet(), perAxis + " tiles per axis");
      for (BoxedRegion r : reference) {
        assertArrayEquals(r.activeRows(), toArray(merged.get(new PatternKey(r.polytope().pattern())).facets()),
            "the union of the pieces' facets is the region's at " + perAxis + " tiles per axis");
      }
      if (perAxis == 3) {
        assertTrue(merged.values().stream().anyMatch(v -> v.tiles() >= 3), "some region straddles three or more tiles");
        assertCornersFound(net, merged, -2, 2);
      }
      assertWholeMeansOneTile(merged, perAxis);
    }
  }

  @Test
  void tilesCoverTheBoxExactly() {
    double[][] last = TiledRegions.tile(26, 3, 3, -1, 0.7);
    assertArrayEquals(new double[] {0.7, 0.7, 0.7}, last[1], 0, "the last tile ends on the box, not near it");
    double[][] first = TiledRegions.tile(0, 3, 3, -1, 0.7);
    assertArrayEquals(new double[] {-1, -1, -1}, first[0], 0);
    double[][] second = TiledRegions.tile(1, 3, 3, -1, 0.7);
    assertEquals(first[1][0], second[0][0], 0, "axis 0 varies fastest and tiles share their borders");
    assertEquals(first[0][1], second[0][1], 0);
  }

  @Test
  void aTileWithTooManyRegionsStops() {
    MlpWeights net = TestModels.random(34, 2, 8, 8, 1);
    assertThrows(TiledRegions.TooManyPieces.class, () -> TiledRegions.pieces(net, new double[] {-3, -3}, new double[] {3, 3}, -3, 3, 5));
  }

  private static Map<PatternKey, Merged> merge(MlpWeights net, int perAxis, double lo, double hi) {
    int m = net.inputDim();
    Map<PatternKey, Merged> merged = new HashMap<>();
    for (int t = 0; t < Math.pow(perAxis, m); t++) {
      double[][] tile = TiledRegions.tile(t, perAxis, m, lo, hi);
      for (TiledRegions.Piece piece : TiledRegions.pieces(net, tile[0], tile[1], lo, hi, Long.MAX_VALUE)) {
        if (piece.empty()) {
          continue;
        }
        Merged before = merged.getOrDefault(new PatternKey(piece.pattern()), new Merged(new TreeSet<>(), 0, 0));
        TreeSet<Integer> facets = new TreeSet<>(before.facets());
        for (int row : piece.activeRows()) {
          facets.add(row);
        }
        merged.put(new PatternKey(piece.pattern()), new Merged(facets, before.tiles() + 1, before.wholes() + (piece.whole() ? 1 : 0)));
      }
    }
    return merged;
  }

  /** A piece that says it is its whole region is its region's only piece; with one tile, every piece is whole. */
  private static void assertWholeMeansOneTile(Map<PatternKey, Merged> merged, int perAxis) {
    long wholes = 0;
    for (Merged region : merged.values()) {
      assertTrue(region.wholes() == 0 || region.tiles() == 1, "a whole piece shares its region with another tile");
      assertEquals(region.tiles() == 1 ? 1 : 0, region.wholes(), "a region inside one tile is whole there");
      wholes += region.wholes();
    }
    if (perAxis == 1) {
      assertEquals(merged.size(), wholes);
    }
  }

  /** The region at each corner of the box (a point just inside it) was found. */
  private static void assertCornersFound(MlpWeights net, Map<PatternKey, Merged> merged, double lo, double hi) {
    int m = net.inputDim();
    double inside = 1e-6 * (hi - lo);
    for (int corner = 0; corner < 1 << m; corner++) {
      double[] x = new double[m];
      for (int j = 0; j < m; j++) {
        x[j] = (corner >> j & 1) == 1 ? hi - inside : lo + inside;
      }
      assertTrue(merged.containsKey(new PatternKey(net.pattern(x))), "corner " + java.util.Arrays.toString(x));
    }
  }

  private static java.util.Set<PatternKey> keys(List<BoxedRegion> regions) {
    java.util.Set<PatternKey> out = new java.util.HashSet<>();
    regions.forEach(r -> out.add(new PatternKey(r.polytope().pattern())));
    return out;
  }

  private static int[] toArray(TreeSet<Integer> set) {
    return set.stream().mapToInt(Integer::intValue).toArray();
  }
}
