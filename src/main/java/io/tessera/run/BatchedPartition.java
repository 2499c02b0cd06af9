package io.tessera.run;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * The executor side of a job that runs a model over its rows in batches: the model is taken from
 * the executor's cache once per partition, then each batch of rows goes through {@link #process}
 * in one call (one forward pass), streamed, so a partition never sits in memory whole.
 *
 * @param <M> what {@link #open} makes of the model reference (a network, a DDPM, …)
 */
public abstract class BatchedPartition<M> implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  protected final ModelRef model;
  private final int batchSize;

  protected BatchedPartition(ModelRef model, int batchSize) {
    this.model = model;
    this.batchSize = batchSize;
  }

  /** The model as this partition uses it, on the executor. */
  protected abstract M open();

  /** Output rows of one batch of input rows. */
  protected abstract List<Row> process(M network, List<Row> batch);

  @Override
  public final Iterator<Row> call(Iterator<Row> rows) {
    M network = open();
    return new BatchedIterator<>(rows, batchSize, batch -> process(network, batch));
  }
}
