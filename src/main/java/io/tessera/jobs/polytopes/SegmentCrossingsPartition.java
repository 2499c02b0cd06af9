package io.tessera.jobs.polytopes;

import io.tessera.math.MlpWeights;
import io.tessera.math.SegmentCrossings;
import io.tessera.run.LazyMap;
import io.tessera.run.ModelRef;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Executor side of the segment-crossings job: rows (a, b, split_a, split_b, features_a,
 * features_b) to one row of crossings per pair, in float64 on the model's weights.
 */
final class SegmentCrossingsPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final ModelRef model;
  private final boolean bisection;

  SegmentCrossingsPartition(ModelRef model, boolean bisection) {
    this.model = model;
    this.bisection = bisection;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    var network = model.reluMlp();
    MlpWeights weights = network.weights();
    String modelId = network.id();
    return LazyMap.of(rows, row -> crossings(weights, modelId, row));
  }

  private Row crossings(MlpWeights weights, String modelId, Row pair) {
    double[] a = toDouble(pair.getList(4));
    double[] b = toDouble(pair.getList(5));
    SegmentCrossings.Exact exact = SegmentCrossings.exact(weights, a, b);
    SegmentCrossings.Bisection check = bisection ? SegmentCrossings.bisection(weights, a, b) : null;
    double distance = 0;
    for (int k = 0; k < a.length; k++) {
      distance += (b[k] - a[k]) * (b[k] - a[k]);
    }
    return RowFactory.create(modelId, pair.getLong(0), pair.getLong(1), pair.getString(2), pair.getString(3), Math.sqrt(distance),
        exact.endpointHamming(), exact.regions(), exact.crossings(), exact.flippedBits(), exact.multiBitCrossings(),
        exact.regionPatterns(), check == null ? null : check.regions(), check == null ? null : check.multiBitEvents());
  }

  private static double[] toDouble(List<Float> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
