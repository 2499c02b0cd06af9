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
 * Executor side of latent-geometry over the samples: encode a batch (DJL), then the geometry at
 * each code and the reconstruction distortion |x - D(E(x))|^2 with the float64 decoder. With
 * {@code geometry} null, only (id, split, code) rows: the codes the densities are built from.
 */
final class LatentSamplePartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final ModelRef model;
  private final LatentPointRows geometry;
  private final Broadcast<LatentDensities> densities;
  private final int batchSize;

  LatentSamplePartition(ModelRef model, LatentPointRows geometry, Broadcast<LatentDensities> densities, int batchSize) {
    this.model = model;
    this.geometry = geometry;
    this.densities = densities;
    this.batchSize = batchSize;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    LatentModel latent = model.latent(null);
    Autoencoder autoencoder = latent.autoencoder();
    int dim = autoencoder.card().inputDim();
    return new BatchedIterator<>(input, batchSize, batch -> {
      float[] x = ValidatedInput.features(batch, dim);
      double[][] codes = autoencoder.encode(x, batch.size());
      List<Row> rows = new ArrayList<>(batch.size());
      if (geometry == null) {
        for (int i = 0; i < batch.size(); i++) {
          rows.add(org.apache.spark.sql.RowFactory.create(batch.get(i).getLong(0), batch.get(i).getString(1), codes[i]));
        }
        return rows;
      }
      List<Object[]> columns = geometry.of(latent.decoder(), codes, densities.value());
      for (int i = 0; i < batch.size(); i++) {
        double[] decoded = (double[]) columns.get(i)[1];
        double sse = 0;
        for (int k = 0; k < dim; k++) {
          double d = x[i * dim + k] - decoded[k];
          sse += d * d;
        }
        Row r = batch.get(i);
        rows.add(LatentGeometryJob.row(latent.decoder().id(), "sample", r.getLong(0), r.getString(1), r.isNullAt(2) ? null : r.getInt(2),
            columns.get(i), sse, sse / dim));
      }
      return rows;
    });
  }
}
