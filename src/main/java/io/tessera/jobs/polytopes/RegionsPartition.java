package io.tessera.jobs.polytopes;

import io.tessera.math.BitPatterns;
import io.tessera.math.MlpWeights;
import io.tessera.math.PatternKey;
import io.tessera.math.polytope.BoxedRegion;
import io.tessera.run.ModelRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Executor side of one round of the regions job. The task expands its share of the frontier
 * breadth-first, and goes on expanding the regions it discovers (skipping every pattern seen in
 * earlier rounds, broadcast as {@code visited}) until it has expanded {@code budget} regions: a
 * small frontier then costs one round instead of one round per level. Out come the expanded
 * regions (the regions table's columns, {@code frontier} false) and the patterns discovered but
 * not expanded ({@code frontier} true), which the driver de-duplicates into the next frontier.
 */
final class RegionsPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final ModelRef model;
  private final double lo;
  private final double hi;
  private final int budget;
  private final Broadcast<Set<PatternKey>> visited;

  RegionsPartition(ModelRef model, double lo, double hi, int budget, Broadcast<Set<PatternKey>> visited) {
    this.model = model;
    this.lo = lo;
    this.hi = hi;
    this.budget = budget;
    this.visited = visited;
  }

  /** The regions table's data columns, then {@code frontier} and {@code empty}. */
  static StructType schema(StructType table) {
    return table.add("frontier", DataTypes.BooleanType, false).add("empty", DataTypes.BooleanType, false);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    var network = model.reluMlp();
    MlpWeights weights = network.weights();
    double[] low = new double[weights.inputDim()];
    double[] high = new double[weights.inputDim()];
    Arrays.fill(low, lo);
    Arrays.fill(high, hi);
    int[] widths = weights.hiddenWidths();
    Set<PatternKey> seen = visited.value();
    Set<PatternKey> local = new HashSet<>();
    ArrayDeque<Object[]> queue = new ArrayDeque<>();
    rows.forEachRemaining(r -> {
      long[] pattern = r.<Long>getList(0).stream().mapToLong(Long::longValue).toArray();
      local.add(new PatternKey(pattern));
      queue.add(new Object[] {pattern, r.getInt(1)});
    });
    List<Row> out = new ArrayList<>();
    int expanded = 0;
    while (!queue.isEmpty() && expanded < budget) {
      Object[] next = queue.poll();
      long[] pattern = (long[]) next[0];
      int depth = (int) next[1];
      BoxedRegion r = BoxedRegion.of(weights, pattern, low, high);
      expanded++;
      out.add(RowFactory.create(network.id(), pattern, BitPatterns.hash(BitPatterns.layers(pattern, widths), widths), depth,
          r.activeRows().length, r.activeRows(), r.radius(), r.bounded(), r.measure(), 0.0, r.vertices(),
          r.polytope().mapWeight(), r.polytope().mapBias(), false, r.isEmpty()));
      if (r.isEmpty()) {
        continue;
      }
      for (long[] neighbour : r.neighbours()) {
        PatternKey key = new PatternKey(neighbour);
        if (!seen.contains(key) && local.add(key)) {
          queue.add(new Object[] {neighbour, depth + 1});
        }
      }
    }
    for (Object[] left : queue) {
      out.add(RowFactory.create(null, left[0], null, left[1], null, null, null, null, null, null, null, null, null, true, false));
    }
    return out.iterator();
  }
}
