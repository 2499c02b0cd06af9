package io.tessera.math;

import java.util.Arrays;

/**
 * The float64 parameters of a fully connected ReLU network: hidden layers W_l (out x in, the
 * PyTorch Linear layout) with ReLU, then a linear output layer. Pure arithmetic, used as the exact
 * reference for patterns and as the input to polytope geometry.
 */
public final class MlpWeights {
  private final double[][][] weights;
  private final double[][] biases;

  public MlpWeights(double[][][] weights, double[][] biases) {
    if (weights.length == 0 || weights.length != biases.length) {
      throw new IllegalArgumentException("need one bias per weight matrix and at least one layer");
    }
    for (int l = 0; l < weights.length; l++) {
      int in = l == 0 ? weights[0][0].length : weights[l - 1].length;
      for (double[] row : weights[l]) {
        if (row.length != in) {
          throw new IllegalArgumentException("layer " + l + " expects " + row.length + " inputs but the previous layer has " + in);
        }
      }
      if (biases[l].length != weights[l].length) {
        throw new IllegalArgumentException("layer " + l + " has " + weights[l].length + " rows but " + biases[l].length + " biases");
      }
    }
    this.weights = weights;
    this.biases = biases;
  }

  /** Number of affine layers, output layer included. */
  public int layers() {
    return weights.length;
  }

  public int inputDim() {
    return weights[0][0].length;
  }

  public int outputDim() {
    return weights[weights.length - 1].length;
  }

  /** Widths of the ReLU (hidden) layers, i.e. all but the last affine layer. */
  public int[] hiddenWidths() {
    int[] widths = new int[weights.length - 1];
    for (int l = 0; l < widths.length; l++) {
      widths[l] = weights[l].length;
    }
    return widths;
  }

  /** Number of hidden ReLUs N, the length of a full pattern. */
  public int hiddenUnits() {
    int n = 0;
    for (int width : hiddenWidths()) {
      n += width;
    }
    return n;
  }

  public double[][] weight(int layer) {
    return weights[layer];
  }

  public double[] bias(int layer) {
    return biases[layer];
  }

  /** Pre-activations of every hidden layer and the output, evaluated in float64. */
  public Evaluation evaluate(double[] x) {
    if (x.length != inputDim()) {
      throw new IllegalArgumentException("input has " + x.length + " values, network expects " + inputDim());
    }
    double[][] pre = new double[weights.length - 1][];
    double[] h = x;
    for (int l = 0; l < weights.length; l++) {
      double[] z = affine(l, h);
      if (l < weights.length - 1) {
        pre[l] = z;
        h = Arrays.stream(z).map(v -> Math.max(v, 0.0)).toArray();
      } else {
        return new Evaluation(pre, z);
      }
    }
    throw new AssertionError("unreachable");
  }

  /** The full hidden pattern at x: all layers concatenated, layer-major (Liu et al. eq. 4), bit = 1 iff z > 0 (eq. 3). */
  public long[] pattern(double[] x) {
    double[] flat = new double[hiddenUnits()];
    int offset = 0;
    for (double[] z : evaluate(x).preActivations()) {
      System.arraycopy(z, 0, flat, offset, z.length);
      offset += z.length;
    }
    return BitPatterns.packPositive(flat, 0, flat.length);
  }

  /**
   * The Jacobian of the outputs at x: the product of weight matrices with inactive rows masked
   * out (Liu et al.'s G after eq. 5; docs/methods/polytopes-and-regions.md, The polytope of a
   * pattern (eq. 5)). Exact for a ReLU network away from region boundaries.
   */
  public double[][] jacobian(double[] x) {
    double[][] pre = evaluate(x).preActivations();
    double[][] j = identity(inputDim());
    for (int l = 0; l < weights.length; l++) {
      double[][] next = multiply(weights[l], j);
      if (l < weights.length - 1) {
        for (int r = 0; r < next.length; r++) {
          if (!(pre[l][r] > 0)) {
            Arrays.fill(next[r], 0.0);
          }
        }
      }
      j = next;
    }
    return j;
  }

  private double[] affine(int l, double[] h) {
    double[][] w = weights[l];
    double[] z = new double[w.length];
    for (int r = 0; r < w.length; r++) {
      double s = biases[l][r];
      for (int c = 0; c < h.length; c++) {
        s += w[r][c] * h[c];
      }
      z[r] = s;
    }
    return z;
  }

  private static double[][] identity(int n) {
    double[][] id = new double[n][n];
    for (int i = 0; i < n; i++) {
      id[i][i] = 1.0;
    }
    return id;
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int cols = b[0].length;
    double[][] out = new double[a.length][cols];
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < b.length; k++) {
        double aik = a[i][k];
        if (aik == 0.0) {
          continue;
        }
        for (int j = 0; j < cols; j++) {
          out[i][j] += aik * b[k][j];
        }
      }
    }
    return out;
  }

  /** Hidden pre-activations (one array per ReLU layer) and the network output. */
  public record Evaluation(double[][] preActivations, double[] output) {}
}
