package io.tessera.jobs.polytopes;

import io.tessera.TesseraException;
import io.tessera.math.MlpWeights;
import io.tessera.math.polytope.BoxedRegion;
import io.tessera.math.polytope.TiledRegions;
import io.tessera.run.ModelRef;
import io.tessera.run.lifecycle.Heartbeat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * First stage of the regions job, one task per tile: the pieces of the regions inside the tile
 * ({@link TiledRegions#pieces}), one row each, with the empty patterns met on the way. A piece
 * that is its whole region also carries the region's row of the regions table, computed here;
 * the others are merged after the shuffle ({@link MergePartition}).
 */
final class TilePartition implements MapPartitionsFunction<Long, Row> {
  private static final long serialVersionUID = 1L;

  private final ModelRef model;
  private final int perAxis;
  private final double lo;
  private final double hi;
  private final long[] start;
  private final long maxRegions;
  private final int columns;

  /** {@code columns}: how many data columns the regions table has. */
  TilePartition(ModelRef model, int perAxis, double lo, double hi, long[] start, long maxRegions, int columns) {
    this.model = model;
    this.perAxis = perAxis;
    this.lo = lo;
    this.hi = hi;
    this.start = start;
    this.maxRegions = maxRegions;
    this.columns = columns;
  }

  /** {@code piece_facets}, {@code empty}, {@code whole}, then the regions table's data columns (null unless whole, but the pattern). */
  static StructType schema(StructType table) {
    StructType out = new StructType()
        .add("piece_facets", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
        .add("empty", DataTypes.BooleanType, false)
        .add("whole", DataTypes.BooleanType, false);
    for (var field : table.fields()) {
      out = out.add(field.name(), field.dataType(), true);
    }
    return out;
  }

  @Override
  public Iterator<Row> call(Iterator<Long> input) {
    Iterator<Long> tiles = Heartbeat.watch(input); // the heartbeat counts tiles done
    var network = model.reluMlp();
    MlpWeights weights = network.weights();
    int m = weights.inputDim();
    int[] widths = weights.hiddenWidths();
    double[][] box = BoxedRegion.cube(m, lo, hi);
    List<Row> out = new ArrayList<>();
    while (tiles.hasNext()) {
      int index = Math.toIntExact(tiles.next());
      double[][] corners = TiledRegions.tile(index, perAxis, m, lo, hi);
      List<TiledRegions.Piece> pieces;
      try {
        pieces = TiledRegions.pieces(weights, corners[0], corners[1], lo, hi, maxRegions);
      } catch (TiledRegions.TooManyPieces e) {
        throw new TesseraException(e.getMessage() + " (tile " + index + " of " + Math.round(Math.pow(perAxis, m))
            + "): more than max_regions = " + maxRegions + "; raise max_regions or shrink the box");
      }
      for (TiledRegions.Piece piece : pieces) {
        Object[] values = new Object[3 + columns];
        values[0] = piece.activeRows();
        values[1] = piece.empty();
        values[2] = piece.whole();
        if (piece.whole()) {
          System.arraycopy(RegionRow.of(network.id(), widths, start, BoxedRegion.of(piece.polytope(), box[0], box[1], piece.activeRows())), 0, values, 3, columns);
        } else {
          values[3 + RegionRow.PATTERN] = piece.pattern();
        }
        out.add(RowFactory.create(values));
      }
    }
    return out.iterator();
  }
}
