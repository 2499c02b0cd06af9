package io.tessera.math.metrics;

import io.tessera.math.Points;

/**
 * The 2-Wasserstein distance between two samples of equal size n with uniform weights
 * (docs/methods/sample-metrics.md, W2): W2 = (min over matchings of the mean squared Euclidean
 * distance)^(1/2), the matching found exactly by {@link LinearAssignment}.
 */
public final class EmpiricalW2 {
  private EmpiricalW2() {}

  public static double of(double[][] x, double[][] y) {
    Samples.requireComparable(x, y, "W2");
    if (x.length != y.length) {
      throw new IllegalArgumentException("W2 compares samples of equal size; got " + x.length + " and " + y.length + " points");
    }
    double[][] cost = new double[x.length][y.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < y.length; j++) {
        cost[i][j] = Points.squaredDistance(x[i], y[j]);
      }
    }
    return Math.sqrt(LinearAssignment.solve(cost).cost() / x.length);
  }
}
