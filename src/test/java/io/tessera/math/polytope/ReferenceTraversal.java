package io.tessera.math.polytope;

import io.tessera.math.MlpWeights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The traversal de-duplicating with a linear scan of the list of visited patterns, as the public
 * toolbox does: the baseline of bench/regions, and a second opinion for the tests.
 */
public final class ReferenceTraversal {
  private ReferenceTraversal() {}

  public static List<BoxedRegion> regions(MlpWeights net, double[] x0, double lo, double hi) {
    List<long[]> seen = new ArrayList<>();
    return RegionTraversal.regions(net, x0, lo, hi, pattern -> {
      if (seen.stream().anyMatch(v -> Arrays.equals(v, pattern))) {
        return false;
      }
      return seen.add(pattern);
    });
  }
}
