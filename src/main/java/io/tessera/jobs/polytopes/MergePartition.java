package io.tessera.jobs.polytopes;

import io.tessera.math.MlpWeights;
import io.tessera.math.polytope.BoxedRegion;
import io.tessera.math.polytope.Polytope;
import io.tessera.run.LazyMap;
import io.tessera.run.ModelRef;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Second stage of the regions job, after the shuffle by pattern of the pieces that are not whole
 * regions: each input row is one pattern with its pieces merged ({@code pieces}: how many have an
 * interior; {@code facets}: the union of their facets). The region is computed in the box from
 * its merged facets. Out come the regions table's columns, then {@code empty} (no interior in the
 * box) and {@code pieces}.
 */
final class MergePartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final ModelRef model;
  private final double lo;
  private final double hi;
  private final long[] start;
  private final int columns;

  /** {@code columns}: how many data columns the regions table has. */
  MergePartition(ModelRef model, double lo, double hi, long[] start, int columns) {
    this.model = model;
    this.lo = lo;
    this.hi = hi;
    this.start = start;
    this.columns = columns;
  }

  /** The regions table's data columns, then {@code empty} and {@code pieces}. */
  static StructType schema(StructType table) {
    return table.add("empty", DataTypes.BooleanType, false).add("pieces", DataTypes.LongType, false);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> merged) {
    var network = model.reluMlp();
    MlpWeights weights = network.weights();
    int[] widths = weights.hiddenWidths();
    double[][] box = BoxedRegion.cube(weights.inputDim(), lo, hi);
    return LazyMap.of(merged, row -> {
      long pieces = row.getLong(row.fieldIndex("pieces"));
      Object[] values = new Object[columns + 2];
      values[columns + 1] = pieces;
      long[] pattern = row.<Long>getList(row.fieldIndex("pattern")).stream().mapToLong(Long::longValue).toArray();
      values[RegionRow.PATTERN] = pattern;
      values[columns] = true;
      if (pieces > 0) {
        List<Integer> facets = row.getList(row.fieldIndex("facets"));
        BoxedRegion r = BoxedRegion.of(Polytope.of(weights, pattern), box[0], box[1], facets.stream().mapToInt(Integer::intValue).toArray());
        if (!r.isEmpty()) {
          System.arraycopy(RegionRow.of(network.id(), widths, start, r), 0, values, 0, columns);
          values[columns] = false;
        }
      }
      return RowFactory.create(values);
    });
  }
}
