package io.tessera.math.metrics;

/** Checks and distances the sample metrics share. */
final class Samples {
  private Samples() {}

  /** Both samples non-empty, every point of one dimension and finite. */
  static void requireComparable(double[][] x, double[][] y, String metric) {
    if (x.length == 0 || y.length == 0) {
      throw new IllegalArgumentException(metric + " needs two non-empty samples; got " + x.length + " and " + y.length + " points");
    }
    int d = x[0].length;
    for (double[][] sample : new double[][][] {x, y}) {
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
