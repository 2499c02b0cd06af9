package io.tessera.math.topology;

/**
 * Names a simplex by one long, the combinatorial number system (docs/methods/persistence.md,
 * Simplex indices): the simplex with vertices u_0 < ... < u_k is sum_i C(u_i, i + 1). Indices of
 * k-simplices are dense in [0, C(n, k + 1)), and their order is the colexicographic order of the
 * vertex sets, so inserting a larger vertex into a simplex gives a cofacet with a larger index.
 */
final class SimplexIndex {
  private final long[][] binomial;

  /** Tables C(v, j) for v <= n and j <= maxVertices, refusing sizes whose indices overflow a long. */
  SimplexIndex(int n, int maxVertices) {
    binomial = new long[n + 1][maxVertices + 1];
    for (int v = 0; v <= n; v++) {
      binomial[v][0] = 1;
      for (int j = 1; j <= Math.min(v, maxVertices); j++) {
        binomial[v][j] = Math.addExact(binomial[v - 1][j - 1], binomial[v - 1][j]);
      }
    }
  }

  long binomial(int v, int j) {
    return binomial[v][j];
  }

  /** @param ascending the vertices in increasing order */
  long index(int[] ascending) {
    long index = 0;
    for (int i = 0; i < ascending.length; i++) {
      index += binomial[ascending[i]][i + 1];
    }
    return index;
  }

  /** Writes the vertices of the simplex with this index into {@code ascending}, whose length is k + 1. */
  void vertices(long index, int[] ascending) {
    int top = binomial.length - 1;
    for (int i = ascending.length - 1; i >= 0; i--) {
      // the largest v <= top with C(v, i + 1) <= index
      int lo = i;
      int hi = top;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (binomial[mid][i + 1] <= index) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      ascending[i] = lo;
      index -= binomial[lo][i + 1];
      top = lo - 1;
    }
  }
}
