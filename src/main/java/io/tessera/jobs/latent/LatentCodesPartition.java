package io.tessera.jobs.latent;

import io.tessera.model.autoencoder.Autoencoder;
import io.tessera.model.autoencoder.LatentModel;
import io.tessera.run.BatchedPartition;
import io.tessera.run.ModelRef;
import io.tessera.run.ValidatedInput;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Executor side of latent-geometry's first pass: each sample's code, encoded in batches (DJL),
 * or its features themselves when the model is a decoder alone. The rows keep id, split, label and
 * features, so the densities and the per-sample geometry both read this one pass.
 */
final class LatentCodesPartition extends BatchedPartition<LatentModel> {
  static final StructType SCHEMA = new StructType().add("id", DataTypes.LongType).add("split", DataTypes.StringType)
      .add("label", DataTypes.IntegerType).add("features", DataTypes.createArrayType(DataTypes.FloatType))
      .add("code", DataTypes.createArrayType(DataTypes.DoubleType));
  private static final long serialVersionUID = 1L;

  LatentCodesPartition(ModelRef model, Integer latentDim, int batchSize) {
    super(model, ref -> ref.latent(latentDim), batchSize);
  }

  @Override
  protected List<Row> process(LatentModel latent, List<Row> batch) {
    Autoencoder autoencoder = latent.autoencoder();
    int dim = autoencoder != null ? autoencoder.card().inputDim() : latent.decoder().latentDim();
    float[] x = ValidatedInput.features(batch, dim);
    double[][] codes = autoencoder != null ? autoencoder.encode(x, batch.size()) : widen(x, batch.size(), dim);
    List<Row> rows = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Row r = batch.get(i);
      rows.add(RowFactory.create(r.getLong(0), r.getString(1), r.isNullAt(2) ? null : r.getInt(2), r.get(3), codes[i]));
    }
    return rows;
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
