package io.tessera.jobs.localmaps;

import io.tessera.model.Network;
import io.tessera.model.classifier.ReluMlpNetwork;
import io.tessera.run.BatchedPartition;
import io.tessera.run.ModelRef;
import io.tessera.run.ValidatedInput;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Executor side of the jacobians job: batches of samples in, one local-map row per (sample,
 * output) out. {@code exact} uses the masked weight product of a ReLU MLP; otherwise one batched
 * autograd pass gives every output's gradient.
 */
final class JacobiansPartition extends BatchedPartition<Network> {
  private static final long serialVersionUID = 1L;

  private final boolean exact;

  JacobiansPartition(ModelRef model, int batchSize, boolean exact) {
    super(model, exact ? ModelRef::reluMlp : ModelRef::network, batchSize);
    this.exact = exact;
  }

  @Override
  protected List<Row> process(Network network, List<Row> batch) {
    int dim = network.inputDim();
    int outputs = network.outputDim();
    float[] x = ValidatedInput.features(batch, dim);
    float[] jacobians;
    float[] f;
    if (exact) {
      ReluMlpNetwork.LocalMaps maps = ((ReluMlpNetwork) network).localMaps(x, batch.size());
      jacobians = maps.jacobians();
      f = maps.outputs();
    } else {
      jacobians = network.jacobian(x, batch.size());
      f = network.forward(x, batch.size());
    }
    String method = exact ? "exact" : "autograd";
    List<Row> out = new ArrayList<>(batch.size() * outputs);
    for (int i = 0; i < batch.size(); i++) {
      Row in = batch.get(i);
      for (int o = 0; o < outputs; o++) {
        float[] gradient = new float[dim];
        System.arraycopy(jacobians, (i * outputs + o) * dim, gradient, 0, dim);
        double dot = 0;
        double norm = 0;
        for (int k = 0; k < dim; k++) {
          dot += (double) gradient[k] * x[i * dim + k];
          norm += (double) gradient[k] * gradient[k];
        }
        out.add(RowFactory.create(network.id(), in.getLong(0), in.getString(1), in.isNullAt(2) ? null : in.getInt(2), o,
            gradient, f[i * outputs + o] - dot, Math.sqrt(norm), method));
      }
    }
    return out;
  }
}
