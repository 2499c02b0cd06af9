package io.tessera.jobs.polytopes;

import io.tessera.math.BitPatterns;
import io.tessera.math.polytope.BoxedRegion;

/** The values of one row of the regions table, in its column order, for a region in the box. */
final class RegionRow {
  /** The pattern's column. */
  static final int PATTERN = 1;

  private RegionRow() {}

  /** The depth is the Hamming distance to the start region's pattern. */
  static Object[] of(String modelId, int[] widths, long[] start, BoxedRegion r) {
    long[] pattern = r.polytope().pattern();
    return new Object[] {modelId, pattern, BitPatterns.hash(BitPatterns.layers(pattern, widths), widths), BitPatterns.hamming(pattern, start),
        r.activeRows().length, r.activeRows(), r.radius(), r.bounded(), r.measure(), 0.0, r.vertices(), r.polytope().mapWeight(),
        r.polytope().mapBias()};
  }
}
