package io.tessera.jobs;

import io.tessera.model.LatentDecoder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Executor side of latent-geometry over the grid: grid index to the cell's midpoint (the first
 * coordinate fastest), then geometry and densities in batches.
 */
final class LatentGridPartition implements MapPartitionsFunction<Long, Row> {
  private static final long serialVersionUID = 1L;

  private final ModelRef model;
  private final Integer latentDim;
  private final LatentPointRows geometry;
  private final Broadcast<LatentDensities> densities;
  private final double[] lo;
  private final double[] hi;
  private final int resolution;
  private final int batchSize;

  LatentGridPartition(ModelRef model, Integer latentDim, LatentPointRows geometry, Broadcast<LatentDensities> densities, double[] lo,
      double[] hi, int resolution, int batchSize) {
    this.model = model;
    this.latentDim = latentDim;
    this.geometry = geometry;
    this.densities = densities;
    this.lo = lo;
    this.hi = hi;
    this.resolution = resolution;
    this.batchSize = batchSize;
  }

  static double[] midpoint(long id, double[] lo, double[] hi, int resolution) {
    double[] z = new double[lo.length];
    long rest = id;
    for (int d = 0; d < lo.length; d++) {
      z[d] = lo[d] + (rest % resolution + 0.5) * (hi[d] - lo[d]) / resolution;
      rest /= resolution;
    }
    return z;
  }

  @Override
  public Iterator<Row> call(Iterator<Long> ids) {
    LatentDecoder decoder = model.latent(latentDim).decoder();
    return new BatchedIterator<>(ids, batchSize, batch -> {
      double[][] points = batch.stream().map(id -> midpoint(id, lo, hi, resolution)).toArray(double[][]::new);
      List<Object[]> columns = geometry.of(decoder, points, densities.value());
      List<Row> rows = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        rows.add(LatentGeometryJob.row(decoder.id(), "grid", batch.get(i), null, null, columns.get(i), null, null));
      }
      return rows;
    });
  }
}
