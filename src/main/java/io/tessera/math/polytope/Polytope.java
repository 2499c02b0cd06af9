package io.tessera.math.polytope;

import io.tessera.math.BitPatterns;
import io.tessera.math.MlpWeights;

/**
 * The closed polyhedron P_s = {x : A x <= c} of an activation pattern s, with the network's affine
 * map G_s(x) = J x + beta on it (Liu et al. eq. 5; docs/methods/polytopes-and-regions.md, The
 * polytope of a pattern (eq. 5)). Row k is unit k (layer-major): it reads z_k <= 0 for bit 0 and
 * z_k >= 0 for bit 1. Everything is float64.
 */
public record Polytope(long[] pattern, double[][] a, double[] c, double[][] mapWeight, double[] mapBias) {

  /**
   * Builds (A, c) and (J, beta) by the recursion W^_l = W_l D_{l-1} W^_{l-1}: D keeps the previous
   * layer's active units, so each row sums over those only (listed once per layer, not tested per
   * weight), over a flat copy of W^_{l-1}.
   */
  public static Polytope of(MlpWeights net, long[] pattern) {
    int m = net.inputDim();
    int units = net.hiddenUnits();
    if (pattern.length < BitPatterns.wordsFor(units)) {
      throw new IllegalArgumentException("pattern has " + pattern.length + " words, the network has " + units + " hidden units");
    }
    double[][] a = new double[units][];
    double[] c = new double[units];
    double[] hatW = null; // flat, row-major: rows of the previous layer x m
    double[] hatB = null;
    int offset = 0;
    for (int l = 0; l < net.layers(); l++) {
      double[][] w = net.weight(l);
      double[] b = net.bias(l);
      double[] nextW = new double[w.length * m];
      double[] nextB = b.clone();
      if (l == 0) {
        for (int r = 0; r < w.length; r++) {
          System.arraycopy(w[r], 0, nextW, r * m, m);
        }
      } else {
        int[] active = activeUnits(pattern, offset - w[0].length, w[0].length);
        for (int r = 0; r < w.length; r++) {
          double[] wr = w[r];
          int at = r * m;
          double bias = nextB[r];
          for (int k : active) {
            double weight = wr[k];
            for (int j = 0; j < m; j++) {
              nextW[at + j] += weight * hatW[k * m + j];
            }
            bias += weight * hatB[k];
          }
          nextB[r] = bias;
        }
      }
      if (l == net.layers() - 1) {
        double[][] mapWeight = new double[w.length][];
        for (int r = 0; r < w.length; r++) {
          mapWeight[r] = java.util.Arrays.copyOfRange(nextW, r * m, r * m + m);
        }
        return new Polytope(pattern, a, c, mapWeight, nextB);
      }
      for (int r = 0; r < w.length; r++) {
        double sign = BitPatterns.get(pattern, offset + r) ? -1 : 1;
        a[offset + r] = new double[m];
        for (int j = 0; j < m; j++) {
          a[offset + r][j] = sign * nextW[r * m + j];
        }
        c[offset + r] = -sign * nextB[r];
      }
      hatW = nextW;
      hatB = nextB;
      offset += w.length;
    }
    throw new AssertionError("a network has an output layer");
  }

  /** The units among [first, first + width) whose bit is set, as offsets from first. */
  private static int[] activeUnits(long[] pattern, int first, int width) {
    int[] active = new int[width];
    int n = 0;
    for (int k = 0; k < width; k++) {
      if (BitPatterns.get(pattern, first + k)) {
        active[n++] = k;
      }
    }
    return java.util.Arrays.copyOf(active, n);
  }

  public int dim() {
    return mapWeight[0].length;
  }

  public int rows() {
    return a.length;
  }

  /** c - A x: all entries >= -tolerance iff x is in P_s (up to that tolerance). */
  public double[] slack(double[] x) {
    double[] s = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      double ax = 0;
      for (int j = 0; j < x.length; j++) {
        ax += a[i][j] * x[j];
      }
      s[i] = c[i] - ax;
    }
    return s;
  }

  /** G_s(x) = J x + beta. */
  public double[] map(double[] x) {
    double[] y = mapBias.clone();
    for (int o = 0; o < y.length; o++) {
      for (int j = 0; j < x.length; j++) {
        y[o] += mapWeight[o][j] * x[j];
      }
    }
    return y;
  }

  static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
