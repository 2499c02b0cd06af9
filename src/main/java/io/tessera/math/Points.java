package io.tessera.math;

/** The checks and distances shared by the methods that take a cloud of points, one point per row. */
public final class Points {
  private Points() {}

  /** A non-empty cloud whose points share one dimension and are finite; {@code what} names the method in the message. */
  public static void requireCloud(double[][] points, String what) {
    if (points.length == 0) {
      throw new IllegalArgumentException(what + " needs a non-empty point cloud");
    }
    int d = points[0].length;
    for (int i = 0; i < points.length; i++) {
      if (points[i].length != d) {
        throw new IllegalArgumentException(what + ": point " + i + " has " + points[i].length + " coordinates, the first has " + d);
      }
      for (double c : points[i]) {
        if (!Double.isFinite(c)) {
          throw new IllegalArgumentException(what + ": point " + i + " has a NaN or infinite coordinate");
        }
      }
    }
  }

  /** |a - b|^2 for two points of the same length. */
  public static double squaredDistance(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      double d = a[k] - b[k];
      s += d * d;
    }
    return s;
  }

  public static double distance(double[] a, double[] b) {
    return Math.sqrt(squaredDistance(a, b));
  }
}
