package io.tessera.math.latent;

import java.util.List;

/**
 * Exact jets of an MLP decoder u = W a + b, a' = sigma(u) (digest section 2c, analytic route):
 * the value, the tangents a_i and the second tangents a_ij are pushed through every layer,
 * u_i = W a_i, u_ij = W a_ij, a'_i = sigma'(u) u_i, a'_ij = sigma''(u) u_i u_j + sigma'(u) u_ij,
 * from a = z, a_i = e_i, a_ij = 0. No step size and no cancellation: float64 throughout.
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
    double[] a = z.clone();
    double[][] t = new double[n][n];
    double[][][] s = new double[n][n][n];
    for (int i = 0; i < n; i++) {
      t[i][i] = 1;
    }
    for (int l = 0; l < weights.length; l++) {
      double[][] w = weights[l];
      int out = w.length;
      double[] u = affine(w, a, biases[l]);
      double[][] ut = new double[n][];
      for (int i = 0; i < n; i++) {
        ut[i] = affine(w, t[i], null);
      }
      double[] value = new double[out];
      double[][] tangents = new double[n][out];
      double[][][] second = new double[n][n][];
      double[] d1 = new double[out];
      double[] d2 = new double[out];
      for (int k = 0; k < out; k++) {
        double[] d = activations.get(l).derivatives(u[k]);
        value[k] = d[0];
        d1[k] = d[1];
        d2[k] = d[2];
      }
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < out; k++) {
          tangents[i][k] = d1[k] * ut[i][k];
        }
        for (int j = i; j < n; j++) {
          double[] uij = affine(w, s[i][j], null);
          for (int k = 0; k < out; k++) {
            uij[k] = d2[k] * ut[i][k] * ut[j][k] + d1[k] * uij[k];
          }
          second[i][j] = second[j][i] = uij;
        }
      }
      a = value;
      t = tangents;
      s = second;
    }
    return new Jet(a, t, s);
  }

  /** Decoded points only. */
  public double[] decode(double[] z) {
    double[] a = z;
    for (int l = 0; l < weights.length; l++) {
      double[] u = affine(weights[l], a, biases[l]);
      for (int k = 0; k < u.length; k++) {
        u[k] = activations.get(l).derivatives(u[k])[0];
      }
      a = u;
    }
    return a;
  }

  private static double[] affine(double[][] w, double[] x, double[] b) {
    double[] y = new double[w.length];
    for (int k = 0; k < w.length; k++) {
      double sum = b == null ? 0 : b[k];
      double[] row = w[k];
      for (int c = 0; c < x.length; c++) {
        sum += row[c] * x[c];
      }
      y[k] = sum;
    }
    return y;
  }
}
