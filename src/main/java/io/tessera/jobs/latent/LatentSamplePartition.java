package io.tessera.jobs.latent;

import io.tessera.model.autoencoder.LatentModel;
import io.tessera.run.BatchedPartition;
import io.tessera.run.ModelRef;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Executor side of latent-geometry over the samples: the geometry at each code of
 * {@link LatentCodesPartition}'s rows and, when the codes were encoded from data, the
 * reconstruction distortion |x - D(E(x))|^2 with the float64 decoder.
 */
final class LatentSamplePartition extends BatchedPartition<LatentModel> {
  private static final long serialVersionUID = 1L;

  private final LatentPointRows geometry;
  private final Broadcast<LatentDensities> densities;

  LatentSamplePartition(ModelRef model, Integer latentDim, LatentPointRows geometry, Broadcast<LatentDensities> densities, int batchSize) {
    super(model, ref -> ref.latent(latentDim), batchSize);
    this.geometry = geometry;
    this.densities = densities;
  }

  @Override
  protected List<Row> process(LatentModel latent, List<Row> batch) {
    boolean encoded = latent.autoencoder() != null; // codes given as input have no data point to compare with
    double[][] codes = batch.stream().map(r -> r.getList(4).stream().mapToDouble(v -> (Double) v).toArray()).toArray(double[][]::new);
    List<Object[]> columns = geometry.of(latent.decoder(), codes, densities.value());
    List<Row> rows = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Row r = batch.get(i);
      Double sse = null;
      Double mse = null;
      if (encoded) {
        double[] decoded = (double[]) columns.get(i)[1];
        List<Float> x = r.getList(3);
        double sum = 0;
        for (int k = 0; k < decoded.length; k++) {
          double d = x.get(k) - decoded[k];
          sum += d * d;
        }
        sse = sum;
        mse = sum / decoded.length;
      }
      rows.add(LatentGeometryJob.row(latent.decoder().id(), "sample", r.getLong(0), r.getString(1), r.isNullAt(2) ? null : r.getInt(2),
          columns.get(i), sse, mse));
    }
    return rows;
  }
}
