package io.tessera.math.polytope;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The decision boundary inside one 2-D region, exactly: on the region the network is the affine
 * map G(x) = J x + beta, so the boundary is a union of straight segments. One output: G = 0. Several
 * outputs: for each pair (i, j), the line G_i = G_j where both beat every other output.
 */
public final class DecisionBoundary {
  private DecisionBoundary() {}

  /** Segments {x1, y1, x2, y2} of the boundary inside the convex polygon {@code vertices}. */
  public static List<double[]> segments(double[][] vertices, double[][] weight, double[] bias) {
    List<double[]> out = new ArrayList<>();
    if (vertices.length < 3) {
      return out;
    }
    if (weight.length == 1) {
      addChord(polygon(vertices), weight[0], -bias[0], out);
      return out;
    }
    for (int i = 0; i < weight.length; i++) {
      for (int j = i + 1; j < weight.length; j++) {
        List<double[]> piece = polygon(vertices);
        for (int k = 0; k < weight.length && !piece.isEmpty(); k++) {
          if (k != i && k != j) {
            // G_k <= G_i, that is (J_k - J_i) x <= beta_i - beta_k; G_i = G_j holds on the chord.
            piece = PlanarRegion.cut(piece, difference(weight[k], weight[i]), bias[i] - bias[k], -1);
          }
        }
        if (!piece.isEmpty()) {
          addChord(piece, difference(weight[i], weight[j]), bias[j] - bias[i], out);
        }
      }
    }
    return out;
  }

  /** The chord of a . x = c through a convex polygon, if it crosses it. */
  private static void addChord(List<double[]> polygon, double[] a, double c, List<double[]> out) {
    List<double[]> points = new ArrayList<>();
    int n = polygon.size();
    for (int v = 0; v < n; v++) {
      double[] p = polygon.get(v);
      double[] q = polygon.get((v + 1) % n);
      double fp = a[0] * p[0] + a[1] * p[1] - c;
      double fq = a[0] * q[0] + a[1] * q[1] - c;
      if ((fp <= 0) != (fq <= 0)) {
        double t = fp / (fp - fq);
        points.add(new double[] {p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])});
      }
    }
    if (points.size() >= 2) {
      out.add(new double[] {points.get(0)[0], points.get(0)[1], points.get(1)[0], points.get(1)[1]});
    }
  }

  private static List<double[]> polygon(double[][] vertices) {
    List<double[]> out = new ArrayList<>();
    for (double[] v : vertices) {
      out.add(new double[] {v[0], v[1], -1});
    }
    return out;
  }

  private static double[] difference(double[] a, double[] b) {
    double[] d = Arrays.copyOf(a, a.length);
    for (int k = 0; k < d.length; k++) {
      d[k] -= b[k];
    }
    return d;
  }
}
