package io.tessera.jobs.patterns;

import io.tessera.math.BitPatterns;
import io.tessera.math.LinfAttacks;
import io.tessera.model.classifier.ReluMlpNetwork;
import io.tessera.model.classifier.ReluMlpNetwork.PatternBatch;
import io.tessera.run.BatchedPartition;
import io.tessera.run.ModelRef;
import io.tessera.run.ValidatedInput;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Executor side of the patterns job: rows (id, split, label, features) in, one activation-pattern
 * row per sample out, in batches through the executor's cached model.
 */
final class PatternsPartition extends BatchedPartition<ReluMlpNetwork> {
  private static final long serialVersionUID = 1L;

  PatternsPartition(ModelRef model, int batchSize) {
    super(model, ModelRef::reluMlp, batchSize);
  }

  @Override
  protected List<Row> process(ReluMlpNetwork network, List<Row> batch) {
    float[] inputs = ValidatedInput.features(batch, network.inputDim());
    PatternBatch patterns = network.patterns(inputs, batch.size());
    int[] widths = patterns.widths();
    int outDim = patterns.outputDim();
    List<Row> out = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Row in = batch.get(i);
      long[][] bits = patterns.bits()[i];
      Row[] layers = new Row[widths.length];
      int active = 0;
      for (int l = 0; l < widths.length; l++) {
        int layerActive = BitPatterns.popcount(bits[l]);
        layers[l] = RowFactory.create(widths[l], layerActive, bits[l]);
        active += layerActive;
      }
      float[] outputs = new float[outDim];
      System.arraycopy(patterns.outputs(), i * outDim, outputs, 0, outDim);
      out.add(RowFactory.create(
          network.id(),
          in.getLong(0),
          in.getString(1),
          in.isNullAt(2) ? null : in.getInt(2),
          LinfAttacks.prediction(outputs, 0, outDim),
          layers,
          BitPatterns.hash(bits, widths),
          active,
          outputs));
    }
    return out;
  }
}
