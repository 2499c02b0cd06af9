package io.tessera.math;

import java.util.Arrays;

/**
 * Exact leave-one-out nearest neighbours of query rows among candidate rows, in Hamming space
 * (packed patterns, flat row-major long arrays) and in Euclidean space (flat float arrays). A
 * candidate with the query's own id is skipped; ties go to the lowest candidate id. Results are
 * folded into running bests, so candidates can arrive block by block in any order.
 */
public final class NearestNeighbours {
  private NearestNeighbours() {}

  /** Running bests of a set of queries: distance (Hamming count or squared Euclidean) and neighbour id. */
  public record Best(double[] distance, long[] neighbour) {
    public static Best empty(int queries) {
      double[] d = new double[queries];
      long[] n = new long[queries];
      Arrays.fill(d, Double.POSITIVE_INFINITY);
      Arrays.fill(n, Long.MAX_VALUE);
      return new Best(d, n);
    }

    void offer(int query, double d, long id) {
      if (d < distance[query] || (d == distance[query] && id < neighbour[query])) {
        distance[query] = d;
        neighbour[query] = id;
      }
    }
  }

  public static void hamming(long[] queries, long[] queryIds, long[] candidates, long[] candidateIds, int words, Best best) {
    for (int q = 0; q < queryIds.length; q++) {
      int qo = q * words;
      for (int c = 0; c < candidateIds.length; c++) {
        if (candidateIds[c] == queryIds[q]) {
          continue;
        }
        int co = c * words;
        int d = 0;
        for (int w = 0; w < words; w++) {
          d += Long.bitCount(queries[qo + w] ^ candidates[co + w]);
        }
        best.offer(q, d, candidateIds[c]);
      }
    }
  }

  /** Squared distances are summed in double from float inputs: exact enough to order ties reproducibly. */
  public static void euclidean(float[] queries, long[] queryIds, float[] candidates, long[] candidateIds, int dim, Best best) {
    for (int q = 0; q < queryIds.length; q++) {
      int qo = q * dim;
      for (int c = 0; c < candidateIds.length; c++) {
        if (candidateIds[c] == queryIds[q]) {
          continue;
        }
        int co = c * dim;
        double d = 0;
        for (int k = 0; k < dim; k++) {
          double diff = (double) queries[qo + k] - candidates[co + k];
          d += diff * diff;
        }
        best.offer(q, d, candidateIds[c]);
      }
    }
  }
}
