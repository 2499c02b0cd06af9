package io.tessera.jobs;

import io.tessera.math.LinfAttacks;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Executor side of one k of the cluster-maps job: test samples (their maps per output, label and
 * features) in; per partition, how many the k-means surrogate and the network itself classify
 * correctly.
 */
final class NearestCentrePartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<double[][][]> centres;
  private final int outputs;
  private final int dim;

  NearestCentrePartition(Broadcast<double[][][]> centres, int outputs, int dim) {
    this.centres = centres;
    this.outputs = outputs;
    this.dim = dim;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    double[][][] c = centres.value();
    long correct = 0;
    long original = 0;
    float[] surrogate = new float[outputs];
    float[] network = new float[outputs];
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
        double b = map.getDouble(2);
        double[] v = new double[dim + 1];
        double own = b;
        for (int k = 0; k < dim; k++) {
          v[k] = w.get(k);
          own += v[k] * x.get(k);
        }
        v[dim] = b;
        double[] centre = nearest(c[j], v);
        double value = centre[dim];
        for (int k = 0; k < dim; k++) {
          value += centre[k] * x.get(k);
        }
        surrogate[j] = (float) value;
        network[j] = (float) own;
      }
      correct += LinfAttacks.prediction(surrogate, 0, outputs) == label ? 1 : 0;
      original += LinfAttacks.prediction(network, 0, outputs) == label ? 1 : 0;
    }
    return List.of(RowFactory.create(correct, original)).iterator();
  }

  private static double[] nearest(double[][] centres, double[] v) {
    double best = Double.POSITIVE_INFINITY;
    double[] argmin = centres[0];
    for (double[] centre : centres) {
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
  }
}
