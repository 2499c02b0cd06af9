package io.tessera.math.metrics;

/** Checks and distances the sample metrics share. */
final class Samples {
  private Samples() {}

  /** Both samples non-empty, every point of one dimension and finite. */
  static void requireComparable(double[][] x, double[][] y, String metric) {
    requirePoints(x, metric);
    requirePoints(y, metric);
    if (x[0].length != y[0].length) {
      throw new IllegalArgumentException(metric + ": the samples' points have " + x[0].length + " and " + y[0].length + " coordinates");
    }
  }

  /** A non-empty sample whose points share one dimension and are finite. */
  static void requirePoints(double[][] sample, String metric) {
    if (sample.length == 0) {
      throw new IllegalArgumentException(metric + " needs non-empty samples");
    }
    int d = sample[0].length;
    for (int i = 0; i < sample.length; i++) {
      if (sample[i].length != d) {
        throw new IllegalArgumentException(metric + ": point " + i + " has " + sample[i].length + " coordinates, the first has " + d);
      }
      for (double c : sample[i]) {
        if (!Double.isFinite(c)) {
          throw new IllegalArgumentException(metric + ": point " + i + " has a NaN or infinite coordinate");
        }
      }
    }
  }

  /** The k points nearest point j, itself excluded, nearest first; ties go to the lower index. */
  static int[] nearestOthers(double[][] points, int j, int k) {
    double[] d = new double[points.length];
    Integer[] order = new Integer[points.length];
    for (int i = 0; i < points.length; i++) {
      order[i] = i;
      d[i] = i == j ? Double.POSITIVE_INFINITY : squaredDistance(points[i], points[j]);
    }
    java.util.Arrays.sort(order, java.util.Comparator.<Integer>comparingDouble(i -> d[i]).thenComparingInt(i -> i));
    int[] nearest = new int[k];
    for (int r = 0; r < k; r++) {
      nearest[r] = order[r];
    }
    return nearest;
  }

  static double squaredDistance(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      double d = a[k] - b[k];
      s += d * d;
    }
    return s;
  }
}
