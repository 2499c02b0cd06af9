package io.tessera.math.topology;

/**
 * A growable list of simplices of one dimension, each an index and its diameter, that sorts itself
 * into filtration order: smaller diameter first, then larger index (Ripser's tie rule; the diagram
 * does not depend on it once zero-length intervals are dropped).
 */
final class Simplices {
  long[] index = new long[1024];
  double[] diameter = new double[1024];
  int size;

  void add(long simplex, double diam) {
    if (size == index.length) {
      int grown = Math.toIntExact(Math.min(Integer.MAX_VALUE - 8L, 2L * size));
      index = java.util.Arrays.copyOf(index, grown);
      diameter = java.util.Arrays.copyOf(diameter, grown);
    }
    index[size] = simplex;
    diameter[size++] = diam;
  }

  void sortByFiltration() {
    sort(0, size - 1);
  }

  // Quicksort on the two parallel arrays, median-of-three pivot, insertion sort for short runs.
  private void sort(int lo, int hi) {
    while (hi - lo > 16) {
      int mid = (lo + hi) >>> 1;
      if (before(mid, lo)) {
        swap(mid, lo);
      }
      if (before(hi, lo)) {
        swap(hi, lo);
      }
      if (before(hi, mid)) {
        swap(hi, mid);
      }
      double pivotDiam = diameter[mid];
      long pivotIndex = index[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (CoboundaryHeap.earlier(diameter[i], index[i], pivotDiam, pivotIndex)) {
          i++;
        }
        while (CoboundaryHeap.earlier(pivotDiam, pivotIndex, diameter[j], index[j])) {
          j--;
        }
        if (i <= j) {
          swap(i++, j--);
        }
      }
      if (j - lo < hi - i) {
        sort(lo, j);
        lo = i;
      } else {
        sort(i, hi);
        hi = j;
      }
    }
    for (int i = lo + 1; i <= hi; i++) {
      for (int j = i; j > lo && before(j, j - 1); j--) {
        swap(j, j - 1);
      }
    }
  }

  private boolean before(int a, int b) {
    return CoboundaryHeap.earlier(diameter[a], index[a], diameter[b], index[b]);
  }

  private void swap(int a, int b) {
    long i = index[a];
    index[a] = index[b];
    index[b] = i;
    double d = diameter[a];
    diameter[a] = diameter[b];
    diameter[b] = d;
  }
}
