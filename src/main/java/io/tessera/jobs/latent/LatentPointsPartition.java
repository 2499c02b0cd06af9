package io.tessera.jobs.latent;

import io.tessera.model.autoencoder.LatentDecoder;
import io.tessera.run.BatchedIterator;
import io.tessera.run.ModelRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/** Executor side of latent-geometry over generated points (grid or Monte Carlo): rows of point ids to geometry rows, in batches. */
final class LatentPointsPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final ModelRef model;
  private final Integer latentDim;
  private final LatentPointRows geometry;
  private final Broadcast<LatentDensities> densities;
  private final LatentPointSource source;
  private final int batchSize;

  LatentPointsPartition(ModelRef model, Integer latentDim, LatentPointRows geometry, Broadcast<LatentDensities> densities,
      LatentPointSource source, int batchSize) {
    this.model = model;
    this.latentDim = latentDim;
    this.geometry = geometry;
    this.densities = densities;
    this.source = source;
    this.batchSize = batchSize;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> ids) {
    LatentDecoder decoder = model.latent(latentDim).decoder();
    LatentDensities shared = densities.value();
    return new BatchedIterator<>(ids, batchSize, batch -> {
      double[][] points = batch.stream().map(r -> source.point(r.getLong(0), shared)).toArray(double[][]::new);
      List<Object[]> columns = geometry.of(decoder, points, shared);
      List<Row> rows = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        rows.add(LatentGeometryJob.row(decoder.id(), source.kind(), batch.get(i).getLong(0), null, null, columns.get(i), null, null));
      }
      return rows;
    });
  }
}
