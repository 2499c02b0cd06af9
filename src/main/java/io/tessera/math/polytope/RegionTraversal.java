package io.tessera.math.polytope;

import io.tessera.math.MlpWeights;
import io.tessera.math.PatternKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Traversal-and-Pruning (Liu et al. Algorithm 1, box mode) in one thread: breadth-first from the
 * start point's region, flipping each active row. The regions job runs the same expansion as a
 * distributed search; this one serves jobs that count the regions of many small nets, one per
 * task, and the benchmarks.
 */
public final class RegionTraversal {
  /** The set of patterns seen so far; {@code add} answers whether the pattern is new. */
  public interface Visited {
    boolean add(long[] pattern);
  }

  private RegionTraversal() {}

  /** A hash set of patterns. */
  public static Visited hashed() {
    Set<PatternKey> seen = new HashSet<>();
    return pattern -> seen.add(new PatternKey(pattern.clone()));
  }

  /** Every non-empty region inside [lo, hi]^m reachable from x0's region, in breadth-first order. */
  public static List<BoxedRegion> regions(MlpWeights net, double[] x0, double lo, double hi, Visited visited) {
    List<BoxedRegion> out = new ArrayList<>();
    forEach(net, x0, lo, hi, visited, out::add);
    return out;
  }

  /** As {@link #regions}, handing each region to {@code sink} instead of keeping them all (a million regions do not fit a heap). */
  public static void forEach(MlpWeights net, double[] x0, double lo, double hi, Visited visited, Consumer<BoxedRegion> sink) {
    double[][] box = BoxedRegion.cube(net.inputDim(), lo, hi);
    ArrayDeque<long[]> queue = new ArrayDeque<>();
    long[] start = net.pattern(x0);
    visited.add(start);
    queue.add(start);
    while (!queue.isEmpty()) {
      BoxedRegion region = BoxedRegion.of(net, queue.poll(), box[0], box[1]);
      if (region.isEmpty()) {
        continue;
      }
      sink.accept(region);
      for (long[] neighbour : region.neighbours()) {
        if (visited.add(neighbour)) {
          queue.add(neighbour);
        }
      }
    }
  }
}
