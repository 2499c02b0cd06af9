package io.tessera.jobs.localmaps;

import io.tessera.math.LinfAttacks;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Executor side of the local-map surrogates (Sattelberg Tables 1 and 2): test samples (their maps
 * [w, b] per output, label and features) in; per partition, how many a surrogate classifies
 * correctly, predicting argmax_j w'.x + b' with each map replaced by {@link Surrogate}, and how
 * many the samples' own maps (the network itself) do.
 */
final class SurrogateAccuracyPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  static final StructType COUNTS = new StructType()
      .add("correct", DataTypes.LongType, false)
      .add("original_correct", DataTypes.LongType, false);

  /** Replaces output j's map [w, b] (length d + 1) by the surrogate's. */
  interface Surrogate extends Serializable {
    double[] replace(int output, double[] map);
  }

  private final Surrogate surrogate;
  private final int outputs;
  private final int dim;

  SurrogateAccuracyPartition(Surrogate surrogate, int outputs, int dim) {
    this.surrogate = surrogate;
    this.outputs = outputs;
    this.dim = dim;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    long correct = 0;
    long original = 0;
    float[] replaced = new float[outputs];
    float[] own = new float[outputs];
    while (rows.hasNext()) {
      Row r = rows.next();
      List<Row> maps = r.getList(0);
      if (maps.size() != outputs) {
        throw new IllegalStateException("a sample has maps for " + maps.size() + " of " + outputs + " outputs");
      }
      int label = r.getInt(1);
      List<Float> x = r.getList(2);
      for (Row map : maps) {
        int j = map.getInt(0);
        List<Float> w = map.getList(1);
        double[] v = new double[dim + 1];
        for (int k = 0; k < dim; k++) {
          v[k] = w.get(k);
        }
        v[dim] = map.getDouble(2);
        own[j] = (float) apply(v, x);
        replaced[j] = (float) apply(surrogate.replace(j, v), x);
      }
      correct += LinfAttacks.prediction(replaced, 0, outputs) == label ? 1 : 0;
      original += LinfAttacks.prediction(own, 0, outputs) == label ? 1 : 0;
    }
    return List.of(RowFactory.create(correct, original)).iterator();
  }

  private double apply(double[] map, List<Float> x) {
    double value = map[dim];
    for (int k = 0; k < dim; k++) {
      value += map[k] * x.get(k);
    }
    return value;
  }

  /** The nearest of each output's centres (cluster-maps). */
  static Surrogate nearestCentre(org.apache.spark.broadcast.Broadcast<double[][][]> centres) {
    return (j, v) -> {
      double best = Double.POSITIVE_INFINITY;
      double[] argmin = null;
      for (double[] centre : centres.value()[j]) {
        double d = 0;
        for (int k = 0; k < v.length; k++) {
          double diff = centre[k] - v[k];
          d += diff * diff;
        }
        if (d < best) {
          best = d;
          argmin = centre;
        }
      }
      return argmin;
    };
  }

  /** v M_j (map-transfer). */
  static Surrogate linear(org.apache.spark.broadcast.Broadcast<double[][][]> maps) {
    return (j, v) -> {
      double[][] m = maps.value()[j];
      double[] out = new double[m[0].length];
      for (int r = 0; r < v.length; r++) {
        if (v[r] != 0) {
          for (int c = 0; c < out.length; c++) {
            out[c] += v[r] * m[r][c];
          }
        }
      }
      return out;
    };
  }
}
