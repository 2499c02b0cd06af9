package io.tessera.math.metrics;

/**
 * The p-Wasserstein distance between two persistence diagrams with the L-infinity ground metric
 * (docs/methods/sample-metrics.md, Distances between diagrams). Each finite point (birth, death)
 * may be matched to a point of the other diagram, at cost |a - c|_inf^p, or to the diagonal, at
 * cost ((death - birth) / 2)^p; an (n + m) x (n + m) assignment (diagonal copies against each other
 * at 0) finds the optimum. Essential points (death = +infinity) are set aside: equal counts cancel,
 * unequal counts give +infinity.
 */
public final class DiagramWasserstein {
  private DiagramWasserstein() {}

  /** @param a, c diagrams as {birth, death} rows; death may be +infinity */
  public static double of(double[][] a, double[][] c, double p) {
    if (!(p >= 1) || Double.isInfinite(p)) {
      throw new IllegalArgumentException("p must be a finite number >= 1, got " + p);
    }
    double[][] fa = finite(a, "the first diagram");
    double[][] fc = finite(c, "the second diagram");
    if (essential(a) != essential(c)) {
      return Double.POSITIVE_INFINITY;
    }
    int n = fa.length;
    int m = fc.length;
    if (n + m == 0) {
      return 0;
    }
    double[][] cost = new double[n + m][n + m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double d = Math.max(Math.abs(fa[i][0] - fc[j][0]), Math.abs(fa[i][1] - fc[j][1]));
        cost[i][j] = Math.pow(d, p);
      }
      java.util.Arrays.fill(cost[i], m, n + m, Math.pow((fa[i][1] - fa[i][0]) / 2, p));
    }
    for (int j = 0; j < m; j++) {
      double toDiagonal = Math.pow((fc[j][1] - fc[j][0]) / 2, p);
      for (int i = n; i < n + m; i++) {
        cost[i][j] = toDiagonal;
      }
    }
    return Math.pow(LinearAssignment.solve(cost).cost(), 1 / p);
  }

  private static double[][] finite(double[][] diagram, String which) {
    for (int i = 0; i < diagram.length; i++) {
      double[] point = diagram[i];
      if (point.length != 2 || Double.isNaN(point[0]) || Double.isNaN(point[1]) || Double.isInfinite(point[0]) || point[1] < point[0]) {
        throw new IllegalArgumentException(which + ": point " + i + " is not a (birth, death) pair with finite birth <= death: "
            + java.util.Arrays.toString(point));
      }
    }
    return java.util.Arrays.stream(diagram).filter(q -> Double.isFinite(q[1])).toArray(double[][]::new);
  }

  private static long essential(double[][] diagram) {
    return java.util.Arrays.stream(diagram).filter(q -> q[1] == Double.POSITIVE_INFINITY).count();
  }
}
