package io.tessera.math.latent;

import java.util.List;

/**
 * Exact jets of an MLP decoder u = W a + b, a' = sigma(u) (docs/methods/latent-curvature.md, Exact
 * jets of MLP decoders): the value, the tangents a_i and the second tangents a_ij are pushed
 * through every layer, u_i = W a_i, u_ij = W a_ij, a'_i = sigma'(u) u_i,
 * a'_ij = sigma''(u) u_i u_j + sigma'(u) u_ij, from a = z, a_i = e_i, a_ij = 0. No step size and no
 * cancellation: float64 throughout.
 *
 * @param weights per layer, out x in
 * @param activations per layer (the last one is the output's)
 */
public record SmoothMlpJets(double[][][] weights, double[][] biases, List<SmoothActivation> activations) {
  public SmoothMlpJets {
    if (weights.length != biases.length || weights.length != activations.size()) {
      throw new IllegalArgumentException("one bias and one activation per layer");
    }
  }

  public int latentDim() {
    return weights[0][0].length;
  }

  public int ambientDim() {
    return weights[weights.length - 1].length;
  }

  public Jet at(double[] z) {
    int n = z.length;
    int pairs = n * (n + 1) / 2;
    // Row 0 holds the value, rows 1..n the tangents, then the second tangents a_ij for i <= j, so
    // that each layer's weights are read once for all of them.
    double[][] rows = new double[1 + n + pairs][];
    rows[0] = z.clone();
    for (int i = 0; i < n; i++) {
      rows[1 + i] = new double[n];
      rows[1 + i][i] = 1;
    }
    for (int p = 0; p < pairs; p++) {
      rows[1 + n + p] = new double[n];
    }
    double[] d = new double[3];
    for (int l = 0; l < weights.length; l++) {
      double[][] u = product(weights[l], rows);
      int out = weights[l].length;
      double[][] next = new double[rows.length][out];
      for (int k = 0; k < out; k++) {
        activations.get(l).derivatives(u[0][k] + biases[l][k], d);
        next[0][k] = d[0];
        for (int i = 0; i < n; i++) {
          next[1 + i][k] = d[1] * u[1 + i][k];
        }
        int p = 1 + n;
        for (int i = 0; i < n; i++) {
          for (int j = i; j < n; j++, p++) {
            next[p][k] = d[2] * u[1 + i][k] * u[1 + j][k] + d[1] * u[p][k];
          }
        }
      }
      rows = next;
    }
    double[][] tangents = java.util.Arrays.copyOfRange(rows, 1, 1 + n);
    double[][][] second = new double[n][n][];
    int p = 1 + n;
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++, p++) {
        second[i][j] = second[j][i] = rows[p];
      }
    }
    return new Jet(rows[0], tangents, second);
  }

  /** Decoded points only. */
  public double[] decode(double[] z) {
    double[] a = z;
    double[] d = new double[3];
    for (int l = 0; l < weights.length; l++) {
      double[] u = product(weights[l], new double[][] {a})[0];
      for (int k = 0; k < u.length; k++) {
        activations.get(l).derivatives(u[k] + biases[l][k], d);
        u[k] = d[0];
      }
      a = u;
    }
    return a;
  }

  /**
   * W x for every row x. Each weight row is read once for all rows, four at a time with separate
   * sums: wide layers (784 x 512 is 3 MB) otherwise stream from memory once per row.
   */
  private static double[][] product(double[][] w, double[][] xs) {
    int m = xs.length;
    int in = xs[0].length;
    double[][] y = new double[m][w.length];
    for (int k = 0; k < w.length; k++) {
      double[] row = w[k];
      int r = 0;
      for (; r + 3 < m; r += 4) {
        double[] x0 = xs[r];
        double[] x1 = xs[r + 1];
        double[] x2 = xs[r + 2];
        double[] x3 = xs[r + 3];
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int c = 0; c < in; c++) {
          double v = row[c];
          s0 += v * x0[c];
          s1 += v * x1[c];
          s2 += v * x2[c];
          s3 += v * x3[c];
        }
        y[r][k] = s0;
        y[r + 1][k] = s1;
        y[r + 2][k] = s2;
        y[r + 3][k] = s3;
      }
      for (; r < m; r++) {
        double[] x = xs[r];
        double s = 0;
        for (int c = 0; c < in; c++) {
          s += row[c] * x[c];
        }
        y[r][k] = s;
      }
    }
    return y;
  }
}
