package io.tessera.math.topology;

/**
 * The Vietoris–Rips filtration of a finite metric space up to a threshold: a simplex enters at its
 * diameter, the longest of its edges (the edge-length convention, docs/methods/persistence.md), and
 * only simplices with diameter <= threshold exist.
 */
final class RipsFiltration {
  final double[][] distance;
  final double threshold;
  final SimplexIndex indices;
  final int n;
  /** each vertex's neighbours within the threshold, in decreasing order */
  private final int[][] neighbours;

  RipsFiltration(double[][] distance, double threshold, int maxVertices) {
    this.distance = distance;
    this.threshold = threshold;
    this.n = distance.length;
    this.indices = new SimplexIndex(n, maxVertices);
    this.neighbours = new int[n][];
    int[] buffer = new int[n];
    for (int v = 0; v < n; v++) {
      int count = 0;
      for (int w = n - 1; w >= 0; w--) {
        if (w != v && distance[v][w] <= threshold) {
          buffer[count++] = w;
        }
      }
      neighbours[v] = java.util.Arrays.copyOf(buffer, count);
    }
  }

  double diameter(int[] vertices) {
    double diam = 0;
    for (int a = 1; a < vertices.length; a++) {
      double[] row = distance[vertices[a]];
      for (int b = 0; b < a; b++) {
        diam = Math.max(diam, row[vertices[b]]);
      }
    }
    return diam;
  }

  /**
   * Walks the cofacets of one simplex that exist below the threshold, in decreasing index order:
   * the inserted vertex w runs down the neighbour list of the simplex's least connected vertex (a
   * cofacet's new vertex neighbours them all), and the index is updated as w passes the simplex's
   * own vertices instead of being recomputed.
   */
  final class Cofacets {
    private int[] vertices;
    private double base;
    private int[] candidates;
    private int next;
    private int below; // how many of the simplex's vertices are smaller than w
    private long indexBelow;
    private long indexAbove;
    long index;
    double diameter;
    /** the cofacet's incidence number with the simplex is -1: an odd number of vertices lie above w */
    boolean negative;

    void reset(int[] ascending, double diam) {
      vertices = ascending;
      base = diam;
      candidates = neighbours[ascending[0]];
      for (int v : ascending) {
        if (neighbours[v].length < candidates.length) {
          candidates = neighbours[v];
        }
      }
      next = 0;
      below = ascending.length;
      indexBelow = indices.index(ascending);
      indexAbove = 0;
    }

    boolean next() {
      while (next < candidates.length) {
        int w = candidates[next++];
        while (below > 0 && vertices[below - 1] > w) {
          below--;
          indexBelow -= indices.binomial(vertices[below], below + 1);
          indexAbove += indices.binomial(vertices[below], below + 2);
        }
        if (below > 0 && vertices[below - 1] == w) {
          continue;
        }
        double[] row = distance[w];
        double diam = base;
        for (int v : vertices) {
          diam = Math.max(diam, row[v]);
        }
        if (diam <= threshold) {
          index = indexBelow + indices.binomial(w, below + 1) + indexAbove;
          diameter = diam;
          negative = ((vertices.length - below) & 1) == 1;
          return true;
        }
      }
      return false;
    }
  }
}
