package io.tessera.math.topology;

import java.util.List;

/**
 * Persistent cohomology in one dimension k >= 1 (docs/methods/persistence.md, The reduction): the
 * k-simplices not cleared by dimension k - 1 are columns, taken in reverse filtration order; each
 * column's coboundary is reduced by earlier columns until its pivot (its earliest cofacet) is new.
 * Columns are not stored reduced: each keeps the combination of simplices it became (its column of
 * the reduction matrix V), and a coboundary is regenerated from that when another column needs it.
 * A column whose first cofacet has its own diameter and is nobody's pivot is an emergent pair and
 * skips the heap altogether.
 */
final class CohomologyReduction {
  private final RipsFiltration filtration;
  private final int prime;
  private final int dimension;
  private final CoboundaryHeap heap;
  private final RipsFiltration.Cofacets cofacets;
  /** pivot simplex -> 2 * column + (1 if the pivot's coefficient in that column is -1) */
  final PivotIndex pivots;
  /** column -> offset of its reduction combination in the flat store; absent when it is the column alone */
  private final PivotIndex combinationOffset = new PivotIndex(1024);
  private long[] storedSimplex = new long[1024];
  private int[] storedCoefficient = new int[1024];
  private int stored;
  private final int[] vertices;
  private long[] workSimplex = new long[64];
  private int[] workCoefficient = new int[64];
  private int working;

  CohomologyReduction(RipsFiltration filtration, int dimension, int prime, int expectedPivots) {
    this.filtration = filtration;
    this.dimension = dimension;
    this.prime = prime;
    this.heap = new CoboundaryHeap(prime);
    this.cofacets = filtration.new Cofacets();
    this.pivots = new PivotIndex(expectedPivots);
    this.vertices = new int[dimension + 1];
  }

  /** Reduces the columns (in filtration order; they are walked backwards) and adds {birth, death} rows. */
  void reduce(Simplices columns, List<double[]> intervals) {
    for (int j = columns.size - 1; j >= 0; j--) {
      long sigma = columns.index[j];
      double birth = columns.diameter[j];
      filtration.indices.vertices(sigma, vertices);
      if (emergentPair(j, vertices, birth)) {
        continue;
      }
      working = 0;
      addToWork(sigma, 1);
      boolean alive = true;
      while (alive) {
        if (!heap.settlePivot()) {
          intervals.add(new double[] {birth, Double.POSITIVE_INFINITY});
          alive = false;
          continue;
        }
        long pivot = heap.pivotSimplex();
        int owner = pivots.get(pivot);
        if (owner == -1) {
          if (heap.pivotDiameter() > birth) {
            intervals.add(new double[] {birth, heap.pivotDiameter()});
          }
          store(j, pivot, heap.pivotCoefficient());
          alive = false;
          continue;
        }
        // Cancel the pivot: add -(a / a') times the owner's column, where a' = +-1.
        int ownerCoefficient = (owner & 1) == 1 ? prime - 1 : 1;
        int factor = Math.floorMod(-heap.pivotCoefficient() * ownerCoefficient, prime);
        addColumn(owner >>> 1, columns, factor);
      }
    }
  }

  /** Fills the heap with the column's coboundary unless its first cofacet settles it at once. */
  private boolean emergentPair(int j, int[] vertices, double birth) {
    heap.clear();
    cofacets.reset(vertices, birth);
    boolean lookForEmergent = true;
    while (cofacets.next()) {
      if (lookForEmergent && cofacets.diameter == birth) {
        if (!pivots.contains(cofacets.index)) {
          pivots.put(cofacets.index, 2 * j + (cofacets.negative ? 1 : 0));
          return true;
        }
        lookForEmergent = false;
      }
      heap.push(cofacets.diameter, cofacets.index, cofacets.negative ? prime - 1 : 1);
    }
    return false;
  }

  private void addColumn(int column, Simplices columns, int factor) {
    int offset = combinationOffset.get(column);
    if (offset == -1) {
      addSimplex(columns.index[column], factor);
      return;
    }
    int length = (int) storedSimplex[offset];
    for (int e = offset + 1; e <= offset + length; e++) {
      addSimplex(storedSimplex[e], (int) ((long) storedCoefficient[e] * factor % prime));
    }
  }

  private void addSimplex(long simplex, int coefficient) {
    addToWork(simplex, coefficient);
    filtration.indices.vertices(simplex, vertices);
    cofacets.reset(vertices, filtration.diameter(vertices));
    while (cofacets.next()) {
      int c = cofacets.negative ? prime - coefficient : coefficient;
      heap.push(cofacets.diameter, cofacets.index, c);
    }
  }

  private void addToWork(long simplex, int coefficient) {
    if (working == workSimplex.length) {
      workSimplex = java.util.Arrays.copyOf(workSimplex, 2 * working);
      workCoefficient = java.util.Arrays.copyOf(workCoefficient, 2 * working);
    }
    workSimplex[working] = simplex;
    workCoefficient[working++] = coefficient;
  }

  /**
   * Records column j's pivot. A column that is still itself keeps only the pivot's sign; otherwise
   * its combination is summed, scaled so the pivot's coefficient is 1, and stored.
   */
  private void store(int j, long pivot, int pivotCoefficient) {
    if (working == 1) {
      pivots.put(pivot, 2 * j + (pivotCoefficient == 1 ? 0 : 1));
      return;
    }
    // Sort (simplex, coefficient) pairs packed as simplex * prime + coefficient, then sum each run.
    long[] packed = new long[working];
    for (int e = 0; e < working; e++) {
      packed[e] = workSimplex[e] * prime + workCoefficient[e];
    }
    java.util.Arrays.sort(packed);
    int scale = inverse(pivotCoefficient);
    int start = stored;
    reserve(working + 1);
    stored++;
    for (int e = 0; e < working; ) {
      long simplex = packed[e] / prime;
      long sum = 0;
      for (; e < working && packed[e] / prime == simplex; e++) {
        sum += packed[e] % prime;
      }
      int coefficient = (int) (sum % prime * scale % prime);
      if (coefficient != 0) {
        storedSimplex[stored] = simplex;
        storedCoefficient[stored++] = coefficient;
      }
    }
    storedSimplex[start] = stored - start - 1;
    combinationOffset.put(j, start);
    pivots.put(pivot, 2 * j);
  }

  private void reserve(int more) {
    while (stored + more > storedSimplex.length) {
      storedSimplex = java.util.Arrays.copyOf(storedSimplex, 2 * storedSimplex.length);
      storedCoefficient = java.util.Arrays.copyOf(storedCoefficient, 2 * storedCoefficient.length);
    }
  }

  private int inverse(int a) {
    return java.math.BigInteger.valueOf(a).modInverse(java.math.BigInteger.valueOf(prime)).intValue();
  }
}
