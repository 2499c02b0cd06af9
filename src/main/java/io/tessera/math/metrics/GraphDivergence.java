package io.tessera.math.metrics;

import io.tessera.math.Points;

/**
 * Shukla et al.'s smoothed 1-NN two-sample statistic with its exact null moments
 * (docs/methods/sample-metrics.md, Graph divergence). Pool the n0 reals and n1 fakes (n points);
 * W_ij is the softmax over j != i of -d_ij / lambda, with d_ij = sqrt(|x_i - x_j|^2 + 1e-12), so
 * each row of W sums to 1; T = sum over i != j of W_ij [labels of i and j differ]. Under random
 * relabelling, with w_ij = W_ij + W_ji, S2 = sum_{i<j} w_ij^2, d_i = sum_j w_ij,
 * A = sum d_i^2 - 2 S2 and B = n^2 - S2 - A:
 * E0 = 2 n0 n1 / (n - 1) and V0 = p1 S2 + p2 A + p3 B - E0^2, with p1 = 2 n0 n1 / (n (n - 1)),
 * p2 = p1 / 2 and p3 = 4 n0 (n0 - 1) n1 (n1 - 1) / (n (n - 1) (n - 2) (n - 3)), the chances that
 * one pair, two pairs sharing a point, and two disjoint pairs all join different labels.
 * t = (T - E0) / sqrt(V0) is low when the samples separate and near 0 when they mix.
 */
public final class GraphDivergence {
  /** T, its null mean and variance, and the standardised t. */
  public record Statistic(double t, double nullMean, double nullVariance, double standardised) {}

  private GraphDivergence() {}

  public static Statistic of(double[][] reals, double[][] fakes, double lambda) {
    Samples.requireComparable(reals, fakes, "the graph divergence");
    if (!(lambda > 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be a positive number, got " + lambda);
    }
    int n0 = reals.length;
    int n1 = fakes.length;
    int n = n0 + n1;
    if (n < 4) {
      throw new IllegalArgumentException("the graph divergence's null variance needs at least 4 points in all, got " + n);
    }
    double[][] w = softmaxWeights(pool(reals, fakes), lambda);
    double statistic = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        statistic += (i < n0) != (j < n0) ? w[i][j] : 0;
      }
    }
    double s2 = 0;
    double sumDegree2 = 0;
    for (int i = 0; i < n; i++) {
      double degree = 0;
      for (int j = 0; j < n; j++) {
        double sym = w[i][j] + w[j][i];
        degree += sym;
        s2 += j > i ? sym * sym : 0;
      }
      sumDegree2 += degree * degree;
    }
    double a = sumDegree2 - 2 * s2;
    double b = (double) n * n - s2 - a;
    double p1 = 2.0 * n0 * n1 / ((double) n * (n - 1));
    double p3 = 4.0 * n0 * (n0 - 1) * n1 * (n1 - 1) / ((double) n * (n - 1) * (n - 2) * (n - 3));
    double mean = 2.0 * n0 * n1 / (n - 1);
    double variance = p1 * s2 + p1 / 2 * a + p3 * b - mean * mean;
    return new Statistic(statistic, mean, variance, (statistic - mean) / Math.sqrt(variance));
  }

  static double[][] pool(double[][] reals, double[][] fakes) {
    double[][] all = new double[reals.length + fakes.length][];
    System.arraycopy(reals, 0, all, 0, reals.length);
    System.arraycopy(fakes, 0, all, reals.length, fakes.length);
    return all;
  }

  /** Row-wise softmax of -d_ij / lambda over j != i, by log-sum-exp; W_ii = 0. */
  static double[][] softmaxWeights(double[][] x, double lambda) {
    int n = x.length;
    double[][] w = new double[n][n];
    for (int i = 0; i < n; i++) {
      double top = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          w[i][j] = -Math.sqrt(Points.squaredDistance(x[i], x[j]) + 1e-12) / lambda;
          top = Math.max(top, w[i][j]);
        }
      }
      double sum = 0;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          w[i][j] = Math.exp(w[i][j] - top);
          sum += w[i][j];
        }
      }
      for (int j = 0; j < n; j++) {
        w[i][j] /= sum;
      }
    }
    return w;
  }
}
