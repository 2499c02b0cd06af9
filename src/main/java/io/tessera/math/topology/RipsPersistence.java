package io.tessera.math.topology;

import io.tessera.math.Points;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Vietoris–Rips persistent homology H_0..H_q (q <= 2) of a point cloud over Z/p, Euclidean
 * distances in double precision (docs/methods/persistence.md). H_0 comes from the minimum spanning
 * forest (Kruskal in filtration order, whose tree edges clear the H_1 columns; Prim when only H_0 is
 * asked, so large clouds need no edge list); H_1 and H_2 from persistent cohomology with clearing and
 * emergent pairs. The threshold defaults to, and is capped at, the enclosing radius
 * min_i max_j d(i, j): above it the complex is a cone and nothing more happens.
 */
public final class RipsPersistence {
  public static final int MAX_DIMENSION = 2;

  private RipsPersistence() {}

  /** The diagram up to the enclosing radius. */
  public static PersistenceDiagram of(double[][] points, int maxDimension, int prime) {
    return of(points, maxDimension, Double.POSITIVE_INFINITY, prime);
  }

  /** @param threshold the largest diameter to build (edge-length units), > 0; +infinity means the enclosing radius */
  public static PersistenceDiagram of(double[][] points, int maxDimension, double threshold, int prime) {
    Points.requireCloud(points, "persistence");
    requireOptions(maxDimension, threshold, prime);
    if (maxDimension == 0) {
      Metric metric = (i, j) -> Points.distance(points[i], points[j]);
      double tau = Math.min(threshold, enclosingRadius(metric, points.length));
      List<double[][]> diagrams = new ArrayList<>();
      diagrams.add(componentIntervals(primDeaths(metric, points.length), tau, points.length));
      return new PersistenceDiagram(points.length, tau, prime, diagrams);
    }
    return reduce(distances(points), maxDimension, threshold, prime);
  }

  /** The same from a distance matrix: symmetric, zero on the diagonal, finite and >= 0 elsewhere. */
  public static PersistenceDiagram ofDistances(double[][] distance, int maxDimension, double threshold, int prime) {
    requireMetric(distance);
    requireOptions(maxDimension, threshold, prime);
    return reduce(distance, maxDimension, threshold, prime);
  }

  /** H_0 by Kruskal, then the cohomology reductions, on a checked matrix. */
  private static PersistenceDiagram reduce(double[][] distance, int maxDimension, double threshold, int prime) {
    double tau = Math.min(threshold, enclosingRadius((i, j) -> distance[i][j], distance.length));
    RipsFiltration filtration = new RipsFiltration(distance, tau, maxDimension + 2);
    Simplices edges = edges(filtration);
    Simplices columns = new Simplices();
    List<double[][]> diagrams = new ArrayList<>();
    diagrams.add(componentIntervals(kruskalDeaths(filtration, edges, columns), tau, distance.length));
    PivotIndex cleared = null;
    for (int k = 1; k <= maxDimension; k++) {
      if (k == 2) {
        columns = triangles(filtration, edges, cleared);
      }
      CohomologyReduction reduction = new CohomologyReduction(filtration, k, prime, Math.max(16, columns.size / 4));
      List<double[]> intervals = new ArrayList<>();
      reduction.reduce(columns, intervals);
      diagrams.add(sorted(intervals));
      cleared = reduction.pivots;
    }
    return new PersistenceDiagram(distance.length, tau, prime, diagrams);
  }

  /** min over points of the distance to the farthest point. */
  public static double enclosingRadius(double[][] points) {
    Points.requireCloud(points, "persistence");
    return enclosingRadius((i, j) -> Points.distance(points[i], points[j]), points.length);
  }

  /** Distances between points i and j, from coordinates or from a matrix. */
  private interface Metric {
    double between(int i, int j);
  }

  private static double enclosingRadius(Metric metric, int n) {
    double radius = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double farthest = 0;
      for (int j = 0; j < n; j++) {
        farthest = Math.max(farthest, metric.between(i, j));
      }
      radius = Math.min(radius, farthest);
    }
    return radius;
  }

  /** Refuses a dimension outside 0..2, a threshold that is not > 0, a field that is not a small prime. */
  public static void requireOptions(int maxDimension, double threshold, int prime) {
    if (maxDimension < 0 || maxDimension > MAX_DIMENSION) {
      throw new IllegalArgumentException("persistence: the homology dimension must be 0.." + MAX_DIMENSION + ", got " + maxDimension);
    }
    if (!(threshold > 0)) {
      throw new IllegalArgumentException("persistence: the threshold must be > 0, got " + threshold);
    }
    if (prime < 2 || prime > 46_337 || !java.math.BigInteger.valueOf(prime).isProbablePrime(30)) {
      throw new IllegalArgumentException("persistence: the coefficient field needs a prime p < 46,337, got " + prime);
    }
  }

  private static void requireMetric(double[][] distance) {
    if (distance.length == 0) {
      throw new IllegalArgumentException("persistence needs a non-empty point cloud");
    }
    for (int i = 0; i < distance.length; i++) {
      if (distance[i].length != distance.length) {
        throw new IllegalArgumentException("persistence: row " + i + " of the distance matrix has " + distance[i].length + " entries, not " + distance.length);
      }
      for (int j = 0; j < distance.length; j++) {
        double d = distance[i][j];
        if (!(d >= 0) || Double.isInfinite(d) || d != distance[j][i] || (i == j && d != 0)) {
          throw new IllegalArgumentException("persistence: distance (" + i + ", " + j + ") = " + d
              + " is not a finite, symmetric, non-negative distance with a zero diagonal");
        }
      }
    }
  }

  private static double[][] distances(double[][] points) {
    int n = points.length;
    double[][] distance = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        distance[i][j] = distance[j][i] = Points.distance(points[i], points[j]);
      }
    }
    return distance;
  }

  private static Simplices edges(RipsFiltration filtration) {
    Simplices edges = new Simplices();
    for (int j = 1; j < filtration.n; j++) {
      for (int i = 0; i < j; i++) {
        if (filtration.distance[i][j] <= filtration.threshold) {
          edges.add(filtration.indices.binomial(j, 2) + i, filtration.distance[i][j]);
        }
      }
    }
    edges.sortByFiltration();
    return edges;
  }

  /** Kruskal in filtration order: returns the tree edges' lengths and puts every other edge in columns. */
  private static double[] kruskalDeaths(RipsFiltration filtration, Simplices edges, Simplices columns) {
    int[] parent = new int[filtration.n];
    for (int v = 0; v < parent.length; v++) {
      parent[v] = v;
    }
    double[] deaths = new double[filtration.n - 1];
    int merged = 0;
    int[] ends = new int[2];
    for (int e = 0; e < edges.size; e++) {
      filtration.indices.vertices(edges.index[e], ends);
      int a = root(parent, ends[0]);
      int b = root(parent, ends[1]);
      if (a != b) {
        parent[Math.max(a, b)] = Math.min(a, b);
        deaths[merged++] = edges.diameter[e];
      } else {
        columns.add(edges.index[e], edges.diameter[e]);
      }
    }
    return java.util.Arrays.copyOf(deaths, merged);
  }

  private static int root(int[] parent, int v) {
    while (parent[v] != v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  }

  /** Dense Prim: the n - 1 minimum-spanning-tree edge lengths, O(n^2) time and O(n) memory. */
  private static double[] primDeaths(Metric metric, int n) {
    double[] reach = new double[n];
    boolean[] inTree = new boolean[n];
    java.util.Arrays.fill(reach, Double.POSITIVE_INFINITY);
    double[] deaths = new double[n - 1];
    int next = 0;
    for (int added = 0; added < n; added++) {
      int v = next;
      inTree[v] = true;
      if (added > 0) {
        deaths[added - 1] = reach[v];
      }
      next = -1;
      for (int w = 0; w < n; w++) {
        if (!inTree[w]) {
          reach[w] = Math.min(reach[w], metric.between(v, w));
          if (next == -1 || reach[w] < reach[next]) {
            next = w;
          }
        }
      }
    }
    return deaths;
  }

  /** H_0: one (0, d) per tree edge of positive length at most tau, and (0, inf) per component left at tau. */
  private static double[][] componentIntervals(double[] deaths, double tau, int points) {
    List<double[]> intervals = new ArrayList<>();
    int components = points;
    for (double d : deaths) {
      if (d <= tau) {
        components--;
        if (d > 0) {
          intervals.add(new double[] {0, d});
        }
      }
    }
    for (int c = 0; c < components; c++) {
      intervals.add(new double[] {0, Double.POSITIVE_INFINITY});
    }
    return sorted(intervals);
  }

  /** The 2-simplices below the threshold that dimension 1 did not use as pivots, in filtration order. */
  private static Simplices triangles(RipsFiltration filtration, Simplices edges, PivotIndex cleared) {
    Simplices triangles = new Simplices();
    int[] ends = new int[2];
    double[][] d = filtration.distance;
    for (int e = 0; e < edges.size; e++) {
      filtration.indices.vertices(edges.index[e], ends);
      int i = ends[0];
      int j = ends[1];
      long base = edges.index[e];
      for (int w = j + 1; w < filtration.n; w++) {
        double diam = Math.max(edges.diameter[e], Math.max(d[w][i], d[w][j]));
        if (diam <= filtration.threshold) {
          long triangle = base + filtration.indices.binomial(w, 3);
          if (!cleared.contains(triangle)) {
            triangles.add(triangle, diam);
          }
        }
      }
    }
    triangles.sortByFiltration();
    return triangles;
  }

  private static double[][] sorted(List<double[]> intervals) {
    intervals.sort(Comparator.<double[]>comparingDouble(i -> i[0]).thenComparingDouble(i -> i[1]));
    return intervals.toArray(new double[0][]);
  }
}
