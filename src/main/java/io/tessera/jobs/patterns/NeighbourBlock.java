package io.tessera.jobs.patterns;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * One block of candidate samples, flattened for the all-pairs kernels and broadcast to every
 * executor for one pass: its size is what bounds the memory of the neighbour search.
 */
record NeighbourBlock(long[] ids, long[] words, float[] features, int wordsPerRow, int dim) implements Serializable {
  /** Rows of (id, words array, features array), as {@link PatternWordsPartition} writes them. */
  static NeighbourBlock of(List<Row> rows, int wordsPerRow, int dim) {
    int n = rows.size();
    long[] ids = new long[n];
    long[] words = new long[n * wordsPerRow];
    float[] features = new float[n * dim];
    for (int i = 0; i < n; i++) {
      Row row = rows.get(i);
      ids[i] = row.getLong(0);
      List<Long> w = row.getList(1);
      for (int k = 0; k < wordsPerRow; k++) {
        words[i * wordsPerRow + k] = w.get(k);
      }
      List<Float> f = row.getList(2);
      for (int k = 0; k < dim; k++) {
        features[i * dim + k] = f.get(k);
      }
    }
    return new NeighbourBlock(ids, words, features, wordsPerRow, dim);
  }
}
