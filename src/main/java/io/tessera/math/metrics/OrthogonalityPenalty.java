package io.tessera.math.metrics;

import io.tessera.math.Points;

/**
 * Shukla et al.'s orthogonality penalty on a chunked code (docs/methods/sample-metrics.md,
 * Orthogonality of code chunks): each code z of length k m is cut into k chunks z^(1..k) of m
 * coordinates; each chunk is normalised, z^_j = z^(j) / (|z^(j)| + 1e-8); G = Z^T Z is their k x k
 * Gram matrix; the penalty is |G - I_k|_F, averaged over the codes. Orthogonal chunks give 0, k
 * equal chunks give sqrt(k (k - 1)), and rescaling a chunk changes nothing.
 */
public final class OrthogonalityPenalty {
  private static final double GUARD = 1e-8;

  private OrthogonalityPenalty() {}

  public static double of(double[][] codes, int chunks) {
    Points.requireCloud(codes, "the orthogonality penalty");
    int width = codes[0].length;
    if (chunks < 2 || width % chunks != 0) {
      throw new IllegalArgumentException("the orthogonality penalty cuts codes of " + width + " coordinates into chunks >= 2 equal parts, got "
          + chunks);
    }
    int m = width / chunks;
    double total = 0;
    double[][] unit = new double[chunks][m];
    for (double[] z : codes) {
      for (int j = 0; j < chunks; j++) {
        double norm = 0;
        for (int c = 0; c < m; c++) {
          norm += z[j * m + c] * z[j * m + c];
        }
        norm = Math.sqrt(norm) + GUARD;
        for (int c = 0; c < m; c++) {
          unit[j][c] = z[j * m + c] / norm;
        }
      }
      double frobenius = 0;
      for (int a = 0; a < chunks; a++) {
        for (int b = 0; b < chunks; b++) {
          double g = 0;
          for (int c = 0; c < m; c++) {
            g += unit[a][c] * unit[b][c];
          }
          double e = g - (a == b ? 1 : 0);
          frobenius += e * e;
        }
      }
      total += Math.sqrt(frobenius);
    }
    return total / codes.length;
  }
}
