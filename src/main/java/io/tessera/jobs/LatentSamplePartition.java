package io.tessera.jobs;

import io.tessera.model.Autoencoder;
import io.tessera.model.LatentModel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Executor side of latent-geometry over the samples: encode a batch (DJL; or take the features as
 * the codes when the model is a decoder alone), then the geometry at each code and the
 * reconstruction distortion |x - D(E(x))|^2 with the float64 decoder. With
 * {@code geometry} null, only (id, split, code) rows: the codes the densities are built from.
 */
final class LatentSamplePartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final ModelRef model;
  private final Integer latentDim;
  private final LatentPointRows geometry;
  private final Broadcast<LatentDensities> densities;
  private final int batchSize;

  LatentSamplePartition(ModelRef model, Integer latentDim, LatentPointRows geometry, Broadcast<LatentDensities> densities, int batchSize) {
    this.model = model;
    this.latentDim = latentDim;
    this.geometry = geometry;
    this.densities = densities;
    this.batchSize = batchSize;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    LatentModel latent = model.latent(latentDim);
    Autoencoder autoencoder = latent.autoencoder();
    int dim = autoencoder != null ? autoencoder.card().inputDim() : latent.decoder().latentDim();
    return new BatchedIterator<>(input, batchSize, batch -> {
      float[] x = ValidatedInput.features(batch, dim);
      double[][] codes = autoencoder != null ? autoencoder.encode(x, batch.size()) : widen(x, batch.size(), dim);
      List<Row> rows = new ArrayList<>(batch.size());
      if (geometry == null) {
        for (int i = 0; i < batch.size(); i++) {
          rows.add(org.apache.spark.sql.RowFactory.create(batch.get(i).getLong(0), batch.get(i).getString(1), codes[i]));
        }
        return rows;
      }
      List<Object[]> columns = geometry.of(latent.decoder(), codes, densities.value());
      for (int i = 0; i < batch.size(); i++) {
        Double sse = null;
        if (autoencoder != null) { // codes given as input have no data point to compare with
          double[] decoded = (double[]) columns.get(i)[1];
          double sum = 0;
          for (int k = 0; k < dim; k++) {
            double d = x[i * dim + k] - decoded[k];
            sum += d * d;
          }
          sse = sum;
        }
        Row r = batch.get(i);
        rows.add(LatentGeometryJob.row(latent.decoder().id(), "sample", r.getLong(0), r.getString(1), r.isNullAt(2) ? null : r.getInt(2),
            columns.get(i), sse, sse == null ? null : sse / dim));
      }
      return rows;
    });
  }

  private static double[][] widen(float[] x, int rows, int dim) {
    double[][] z = new double[rows][dim];
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < dim; k++) {
        z[i][k] = x[i * dim + k];
      }
    }
    return z;
  }
}
