package io.tessera.jobs.patterns;

import io.tessera.math.NearestNeighbours;
import io.tessera.run.BatchedIterator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One pass of the blocked neighbour search: every sample of a partition against the broadcast
 * block, in chunks of queries, emitting each sample's best candidate in this block per metric
 * (Hamming count; squared Euclidean distance, so that merging blocks compares exact values).
 */
final class NearestNeighbourPass implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private static final int QUERY_CHUNK = 1024;

  static final String HAMMING = "hamming";
  static final String EUCLIDEAN = "euclidean";
  static final StructType SCHEMA = new StructType()
      .add("sample_id", DataTypes.LongType)
      .add("metric", DataTypes.StringType)
      .add("distance", DataTypes.DoubleType)
      .add("neighbour_id", DataTypes.LongType);

  private final Broadcast<NeighbourBlock> block;

  NearestNeighbourPass(Broadcast<NeighbourBlock> block) {
    this.block = block;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    NeighbourBlock candidates = block.value();
    return new BatchedIterator<>(rows, QUERY_CHUNK, chunk -> search(candidates, chunk));
  }

  private static List<Row> search(NeighbourBlock candidates, List<Row> chunk) {
    NeighbourBlock queries = NeighbourBlock.of(chunk, candidates.wordsPerRow(), candidates.dim());
    NearestNeighbours.Best hamming = NearestNeighbours.Best.empty(chunk.size());
    NearestNeighbours.Best euclidean = NearestNeighbours.Best.empty(chunk.size());
    NearestNeighbours.hamming(queries.words(), queries.ids(), candidates.words(), candidates.ids(), candidates.wordsPerRow(), hamming);
    NearestNeighbours.euclidean(queries.features(), queries.ids(), candidates.features(), candidates.ids(), candidates.dim(), euclidean);
    List<Row> out = new ArrayList<>(2 * chunk.size());
    for (int q = 0; q < chunk.size(); q++) {
      // A block holding only the sample itself offers no candidate: nothing to report.
      if (hamming.neighbour()[q] != Long.MAX_VALUE) {
        out.add(RowFactory.create(queries.ids()[q], HAMMING, hamming.distance()[q], hamming.neighbour()[q]));
        out.add(RowFactory.create(queries.ids()[q], EUCLIDEAN, euclidean.distance()[q], euclidean.neighbour()[q]));
      }
    }
    return out;
  }
}
