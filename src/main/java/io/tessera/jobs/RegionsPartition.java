package io.tessera.jobs;

import io.tessera.math.BitPatterns;
import io.tessera.math.MlpWeights;
import io.tessera.math.polytope.BoxedRegion;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Executor side of one breadth-first round of the regions job: frontier patterns (pattern, depth)
 * in; for each, its region row (the regions table's columns) plus the patterns across its
 * facets and whether the region turned out empty.
 */
final class RegionsPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final ModelRef model;
  private final double lo;
  private final double hi;

  RegionsPartition(ModelRef model, double lo, double hi) {
    this.model = model;
    this.lo = lo;
    this.hi = hi;
  }

  /** The regions table's data columns, then {@code neighbours} and {@code empty}. */
  static StructType schema(StructType table) {
    return table
        .add("neighbours", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.LongType, false), false), false)
        .add("empty", DataTypes.BooleanType, false);
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
    return LazyMap.of(rows, in -> {
      List<Long> words = in.getList(0);
      long[] pattern = words.stream().mapToLong(Long::longValue).toArray();
      BoxedRegion r = BoxedRegion.of(weights, pattern, low, high);
      long[][] neighbours = r.isEmpty() ? new long[0][] : r.neighbours();
      return RowFactory.create(
          network.id(),
          pattern,
          BitPatterns.hash(BitPatterns.layers(pattern, widths), widths),
          in.getInt(1),
          r.activeRows().length,
          r.activeRows(),
          r.radius(),
          r.bounded(),
          r.measure(),
          0.0,
          r.vertices(),
          r.polytope().mapWeight(),
          r.polytope().mapBias(),
          neighbours,
          r.isEmpty());
    });
  }
}
