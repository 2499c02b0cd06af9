package io.tessera.math.topology;

/**
 * A working coboundary column: a binary heap of (diameter, simplex index, coefficient) entries
 * whose top is the entry earliest in filtration order (smaller diameter first, then larger index).
 * Entries with the same simplex are summed only when they reach the top, as in Ripser, so adding a
 * column costs pushes and no merging.
 */
final class CoboundaryHeap {
  private final int prime;
  private double[] diameter = new double[64];
  private long[] simplex = new long[64];
  private int[] coefficient = new int[64];
  private int size;

  CoboundaryHeap(int prime) {
    this.prime = prime;
  }

  void clear() {
    size = 0;
  }

  void push(double diam, long index, int coef) {
    if (size == diameter.length) {
      diameter = java.util.Arrays.copyOf(diameter, 2 * size);
      simplex = java.util.Arrays.copyOf(simplex, 2 * size);
      coefficient = java.util.Arrays.copyOf(coefficient, 2 * size);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!earlier(diam, index, diameter[parent], simplex[parent])) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    set(i, diam, index, coef);
  }

  /**
   * Sums the entries of the earliest simplex; if the sum is zero mod p, drops them and looks at the
   * next. Leaves the surviving pivot on top, as one entry, and returns true; false when the column
   * is zero.
   */
  boolean settlePivot() {
    while (size > 0) {
      long index = simplex[0];
      double diam = diameter[0];
      int sum = 0;
      while (size > 0 && simplex[0] == index) {
        sum = (sum + coefficient[0]) % prime;
        pop();
      }
      if (sum != 0) {
        push(diam, index, sum);
        return true;
      }
    }
    return false;
  }

  double pivotDiameter() {
    return diameter[0];
  }

  long pivotSimplex() {
    return simplex[0];
  }

  int pivotCoefficient() {
    return coefficient[0];
  }

  private void pop() {
    size--;
    if (size == 0) {
      return;
    }
    double diam = diameter[size];
    long index = simplex[size];
    int coef = coefficient[size];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && earlier(diameter[child + 1], simplex[child + 1], diameter[child], simplex[child])) {
        child++;
      }
      if (!earlier(diameter[child], simplex[child], diam, index)) {
        break;
      }
      move(child, i);
      i = child;
    }
    set(i, diam, index, coef);
  }

  static boolean earlier(double diamA, long indexA, double diamB, long indexB) {
    return diamA < diamB || (diamA == diamB && indexA > indexB);
  }

  private void move(int from, int to) {
    set(to, diameter[from], simplex[from], coefficient[from]);
  }

  private void set(int i, double diam, long index, int coef) {
    diameter[i] = diam;
    simplex[i] = index;
    coefficient[i] = coef;
  }
}
