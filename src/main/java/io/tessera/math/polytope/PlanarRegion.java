package io.tessera.math.polytope;

import java.util.ArrayList;
import java.util.List;

/**
 * A 2-D region clipped to a box, exactly (docs/methods/polytopes-and-regions.md, Methods and
 * tolerances): the box polygon is cut by each row's half-plane in turn. A row is active iff it
 * leaves an edge of positive length; the area is the shoelace formula over the final vertices.
 *
 * @param vertices the polygon, counter-clockwise; empty when the region misses the box
 * @param activeRows network rows that bound an edge, ascending
 * @param area exact area of region ∩ box
 */
public record PlanarRegion(double[][] vertices, int[] activeRows, double area) {
  /** Edges shorter than this, relative to the box diagonal, are a vertex touching a line, not a facet. */
  private static final double MIN_EDGE = 1e-9;
  /** a_i . d may exceed 0 by this much (relative to |a_i|, d a unit vector) for d to count as in the cone. */
  private static final double CONE_TOLERANCE = 1e-12;
  /** Relative tolerance of the inscribed-circle constraints (rounding of the clipped vertices). */
  private static final double FEASIBLE = 1e-12;

  public static PlanarRegion clip(Polytope p, double[] lo, double[] hi) {
    if (p.dim() != 2) {
      throw new IllegalArgumentException("planar clipping needs 2 inputs, the region has " + p.dim());
    }
    // Each vertex carries the row whose line the edge leaving it lies on (-1: a box side).
    List<double[]> polygon = new ArrayList<>(List.of(
        new double[] {lo[0], lo[1], -1}, new double[] {hi[0], lo[1], -1},
        new double[] {hi[0], hi[1], -1}, new double[] {lo[0], hi[1], -1}));
    for (int i = 0; i < p.rows() && !polygon.isEmpty(); i++) {
      polygon = cut(polygon, p.a()[i], p.c()[i], i);
    }
    double scale = Math.hypot(hi[0] - lo[0], hi[1] - lo[1]);
    java.util.TreeSet<Integer> active = new java.util.TreeSet<>();
    double twiceArea = 0;
    for (int v = 0; v < polygon.size(); v++) {
      double[] from = polygon.get(v);
      double[] to = polygon.get((v + 1) % polygon.size());
      twiceArea += from[0] * to[1] - to[0] * from[1];
      if (from[2] >= 0 && Math.hypot(to[0] - from[0], to[1] - from[1]) > MIN_EDGE * scale) {
        active.add((int) from[2]);
      }
    }
    double[][] vertices = polygon.stream().map(v -> new double[] {v[0], v[1]}).toArray(double[][]::new);
    return new PlanarRegion(vertices, active.stream().mapToInt(Integer::intValue).toArray(), Math.abs(twiceArea) / 2);
  }

  /**
   * The Chebyshev radius of the polygon, exactly and without an LP solver: the largest r with
   * n_k . x + r <= n_k . v_k for each edge k (v_k its first vertex, n_k its outward unit normal) is
   * an LP in (x, r) whose feasible set is pointed (the normals of a bounded polygon span the
   * plane), so its optimum is at a vertex, where three edge constraints hold with equality. All
   * triples are tried; a polygon from clipping has few edges. 0 for an empty polygon.
   */
  public double inscribedRadius() {
    int k = vertices.length;
    if (k < 3) {
      return 0;
    }
    double[][] normal = new double[k][];
    double[] offset = new double[k];
    int edges = 0;
    for (int v = 0; v < k; v++) {
      double[] from = vertices[v];
      double[] to = vertices[(v + 1) % k];
      double length = Math.hypot(to[0] - from[0], to[1] - from[1]);
      if (length > 0) {
        // Counter-clockwise: the outward normal is the edge direction turned clockwise.
        normal[edges] = new double[] {(to[1] - from[1]) / length, -(to[0] - from[0]) / length};
        offset[edges] = normal[edges][0] * from[0] + normal[edges][1] * from[1];
        edges++;
      }
    }
    double scale = 0;
    for (double[] v : vertices) {
      scale = Math.max(scale, Math.max(Math.abs(v[0]), Math.abs(v[1])));
    }
    double slack = FEASIBLE * Math.max(1, scale);
    double best = 0;
    for (int a = 0; a < edges; a++) {
      for (int b = a + 1; b < edges; b++) {
        for (int c = b + 1; c < edges; c++) {
          double[] xr = vertex(normal[a], offset[a], normal[b], offset[b], normal[c], offset[c]);
          if (xr != null && xr[2] > best && feasible(xr, normal, offset, edges, slack)) {
            best = xr[2];
          }
        }
      }
    }
    return best;
  }

  /** (x, y, r) where three edge constraints hold with equality, or null when they do not meet in one point. */
  private static double[] vertex(double[] n1, double d1, double[] n2, double d2, double[] n3, double d3) {
    // Rows (n_x, n_y, 1); Cramer's rule on the 3x3 system.
    double det = n1[0] * (n2[1] - n3[1]) - n1[1] * (n2[0] - n3[0]) + (n2[0] * n3[1] - n3[0] * n2[1]);
    if (Math.abs(det) < 1e-12) {
      return null;
    }
    double x = (d1 * (n2[1] - n3[1]) - n1[1] * (d2 - d3) + (d2 * n3[1] - d3 * n2[1])) / det;
    double y = (n1[0] * (d2 - d3) - d1 * (n2[0] - n3[0]) + (n2[0] * d3 - n3[0] * d2)) / det;
    double r = (n1[0] * (n2[1] * d3 - n3[1] * d2) - n1[1] * (n2[0] * d3 - n3[0] * d2) + d1 * (n2[0] * n3[1] - n3[0] * n2[1])) / det;
    return new double[] {x, y, r};
  }

  private static boolean feasible(double[] xr, double[][] normal, double[] offset, int edges, double slack) {
    for (int e = 0; e < edges; e++) {
      if (normal[e][0] * xr[0] + normal[e][1] * xr[1] + xr[2] > offset[e] + slack) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {x : A x <= c} in the plane is unbounded, exactly and without an LP: its recession cone
   * {d : A d <= 0} is a closed cone whose boundary rays lie on lines a_i . d = 0, so it is
   * non-trivial iff one of the directions ±(-a_i2, a_i1) is in it (or every row is zero).
   */
  static boolean isUnbounded(double[][] a) {
    boolean anyRow = false;
    for (double[] row : a) {
      double norm = Math.hypot(row[0], row[1]);
      if (norm == 0) {
        continue;
      }
      anyRow = true;
      for (double sign : new double[] {1, -1}) {
        double[] d = {-sign * row[1] / norm, sign * row[0] / norm};
        if (inCone(a, d)) {
          return true;
        }
      }
    }
    return !anyRow;
  }

  private static boolean inCone(double[][] a, double[] d) {
    for (double[] row : a) {
      if (row[0] * d[0] + row[1] * d[1] > CONE_TOLERANCE * Math.hypot(row[0], row[1])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Sutherland-Hodgman against a . x <= c on vertices {x, y, row of the edge leaving it}; new edges
   * along the line carry {@code row}.
   */
  static List<double[]> cut(List<double[]> polygon, double[] a, double c, int row) {
    int n = polygon.size();
    double[] excess = new double[n];
    boolean anyOutside = false;
    for (int v = 0; v < n; v++) {
      double[] p = polygon.get(v);
      excess[v] = a[0] * p[0] + a[1] * p[1] - c;
      anyOutside |= excess[v] > 0;
    }
    if (!anyOutside) {
      return polygon;
    }
    List<double[]> out = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      double[] p = polygon.get(v);
      double[] q = polygon.get((v + 1) % n);
      boolean pIn = excess[v] <= 0;
      boolean qIn = excess[(v + 1) % n] <= 0;
      if (pIn) {
        out.add(p);
      }
      if (pIn != qIn) {
        double t = excess[v] / (excess[v] - excess[(v + 1) % n]);
        // Entering: the edge from here continues p's edge; leaving: it runs along the new line.
        double label = pIn ? row : p[2];
        out.add(new double[] {p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]), label});
      }
    }
    return out.size() < 3 ? List.of() : out;
  }
}
