package io.tessera.jobs.patterns;

import io.tessera.model.classifier.ReluMlpNetwork;
import io.tessera.model.classifier.ReluMlpNetwork.PatternBatch;
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
 * Rows (id, split, label, features) to (id, split, label, words, features): the whole activation
 * pattern as one array of words, layer after layer, ready for the Hamming kernels.
 */
final class PatternWordsPartition extends BatchedPartition<ReluMlpNetwork> {
  private static final long serialVersionUID = 1L;

  static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.LongType)
      .add("split", DataTypes.StringType)
      .add("label", DataTypes.IntegerType)
      .add("words", DataTypes.createArrayType(DataTypes.LongType, false))
      .add("features", DataTypes.createArrayType(DataTypes.FloatType, false));

  PatternWordsPartition(ModelRef model, int batchSize) {
    super(model, ModelRef::reluMlp, batchSize);
  }

  static int wordsPerRow(ReluMlpNetwork network) {
    int words = 0;
    for (int width : network.weights().hiddenWidths()) {
      words += io.tessera.math.BitPatterns.wordsFor(width);
    }
    return words;
  }

  @Override
  protected List<Row> process(ReluMlpNetwork network, List<Row> batch) {
    int dim = network.inputDim();
    float[] inputs = ValidatedInput.features(batch, dim);
    PatternBatch patterns = network.patterns(inputs, batch.size());
    int total = wordsPerRow(network);
    List<Row> out = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      long[] words = new long[total];
      int offset = 0;
      for (long[] layer : patterns.bits()[i]) {
        System.arraycopy(layer, 0, words, offset, layer.length);
        offset += layer.length;
      }
      float[] features = new float[dim];
      System.arraycopy(inputs, i * dim, features, 0, dim);
      Row in = batch.get(i);
      out.add(RowFactory.create(in.getLong(0), in.getString(1), in.isNullAt(2) ? null : in.getInt(2), words, features));
    }
    return out;
  }
}
