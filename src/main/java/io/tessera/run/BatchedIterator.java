package io.tessera.run;

import io.tessera.run.lifecycle.Heartbeat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Pulls up to {@code batchSize} rows at a time from a partition, maps each batch in one call (one
 * forward pass), and streams the results, so a partition never sits in memory whole.
 */
public final class BatchedIterator<I, O> implements Iterator<O> {
  private final Iterator<I> source;
  private final int batchSize;
  private final Function<List<I>, List<O>> mapper;
  private Iterator<O> current = Collections.emptyIterator();

  public BatchedIterator(Iterator<I> source, int batchSize, Function<List<I>, List<O>> mapper) {
    this.source = Heartbeat.watch(source);
    this.batchSize = batchSize;
    this.mapper = mapper;
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext() && source.hasNext()) {
      List<I> batch = new ArrayList<>(batchSize);
      while (batch.size() < batchSize && source.hasNext()) {
        batch.add(source.next());
      }
      current = mapper.apply(batch).iterator();
    }
    return current.hasNext();
  }

  @Override
  public O next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }
}
