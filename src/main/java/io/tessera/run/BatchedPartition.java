package io.tessera.run;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * The executor side of a job that runs a model over its rows in batches: the model is taken from
 * the executor's cache once per partition, then each batch of rows goes through {@link #process}
 * in one call (one forward pass), streamed, so a partition never sits in memory whole.
 *
 * @param <M> what the partition makes of the model reference (a network, a DDPM, …)
 */
public abstract class BatchedPartition<M> implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** How a partition takes its model from the reference on the executor, e.g. {@code ModelRef::reluMlp}. */
  public interface Opener<M> extends Serializable {
    M open(ModelRef model);
  }

  private final ModelRef model;
  private final Opener<M> opener;
  private final int batchSize;

  protected BatchedPartition(ModelRef model, Opener<M> opener, int batchSize) {
    this.model = model;
    this.opener = opener;
    this.batchSize = batchSize;
  }

  /** Output rows of one batch of input rows. */
  protected abstract List<Row> process(M network, List<Row> batch);

  @Override
  public final Iterator<Row> call(Iterator<Row> rows) {
    M network = opener.open(model);
    return new BatchedIterator<>(rows, batchSize, batch -> process(network, batch));
  }
}
