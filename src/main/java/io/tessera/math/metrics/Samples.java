package io.tessera.math.metrics;

import io.tessera.math.Points;

/** The two-sample check and the nearest-others search the sample metrics share. */
final class Samples {
  private Samples() {}

  /** Both samples non-empty, every point of one dimension and finite. */
  static void requireComparable(double[][] x, double[][] y, String metric) {
    Points.requireCloud(x, metric);
    Points.requireCloud(y, metric);
    if (x[0].length != y[0].length) {
      throw new IllegalArgumentException(metric + ": the samples' points have " + x[0].length + " and " + y[0].length + " coordinates");
    }
  }

  /** The k points nearest point j, itself excluded, nearest first; ties go to the lower index. */
  static int[] nearestOthers(double[][] points, int j, int k) {
    double[] d = new double[points.length];
    Integer[] order = new Integer[points.length];
    for (int i = 0; i < points.length; i++) {
      order[i] = i;
      d[i] = i == j ? Double.POSITIVE_INFINITY : Points.squaredDistance(points[i], points[j]);
    }
    java.util.Arrays.sort(order, java.util.Comparator.<Integer>comparingDouble(i -> d[i]).thenComparingInt(i -> i));
    int[] nearest = new int[k];
    for (int r = 0; r < k; r++) {
      nearest[r] = order[r];
    }
    return nearest;
  }
}
