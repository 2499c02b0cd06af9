package io.tessera.math.latent;

import java.util.function.UnaryOperator;

/**
 * Jets of any decoder from forward passes alone: central first differences for J and second
 * differences for the Hessian, all stencil points of a batch of latent points decoded in one
 * call. Forward-only second differences err by C h^2 + eps / h^2, so the default step 1e-4 (times
 * each coordinate's scale) sits near the optimum eps^(1/4) for float64 decoders.
 */
public final class FiniteDifferenceJets {
  public static final double DEFAULT_ETA = 1e-4;

  private FiniteDifferenceJets() {}

  /** Stencil points per latent point: the centre, 2n axis points and 4 per coordinate pair. */
  public static int stencilSize(int n) {
    return 1 + 2 * n + 2 * n * (n - 1);
  }

  /**
   * @param decoder maps rows of latent points to rows of decoded points (float64)
   * @param points latent points
   * @param steps the step h_i per latent coordinate
   */
  public static Jet[] of(UnaryOperator<double[][]> decoder, double[][] points, double[] steps) {
    int n = steps.length;
    int size = stencilSize(n);
    double[][] stencil = new double[points.length * size][];
    for (int p = 0; p < points.length; p++) {
      int at = p * size;
      stencil[at++] = points[p].clone();
      for (int i = 0; i < n; i++) {
        stencil[at++] = shifted(points[p], steps, i, 1, -1, 0);
        stencil[at++] = shifted(points[p], steps, i, -1, -1, 0);
      }
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          stencil[at++] = shifted(points[p], steps, i, 1, j, 1);
          stencil[at++] = shifted(points[p], steps, i, 1, j, -1);
          stencil[at++] = shifted(points[p], steps, i, -1, j, 1);
          stencil[at++] = shifted(points[p], steps, i, -1, j, -1);
        }
      }
    }
    double[][] y = decoder.apply(stencil);
    if (y.length != stencil.length) {
      throw new IllegalStateException("decoder returned " + y.length + " rows for " + stencil.length + " points");
    }
    Jet[] jets = new Jet[points.length];
    for (int p = 0; p < points.length; p++) {
      jets[p] = jet(y, p * size, steps);
    }
    return jets;
  }

  private static double[] shifted(double[] z, double[] steps, int i, int si, int j, int sj) {
    double[] s = z.clone();
    s[i] += si * steps[i];
    if (j >= 0) {
      s[j] += sj * steps[j];
    }
    return s;
  }

  private static Jet jet(double[][] y, int at, double[] h) {
    int n = h.length;
    double[] centre = y[at];
    int dim = centre.length;
    double[][] tangents = new double[n][dim];
    double[][][] hessian = new double[n][n][];
    for (int i = 0; i < n; i++) {
      double[] plus = y[at + 1 + 2 * i];
      double[] minus = y[at + 2 + 2 * i];
      double[] second = new double[dim];
      for (int r = 0; r < dim; r++) {
        tangents[i][r] = (plus[r] - minus[r]) / (2 * h[i]);
        second[r] = (plus[r] - 2 * centre[r] + minus[r]) / (h[i] * h[i]);
      }
      hessian[i][i] = second;
    }
    int k = at + 1 + 2 * n;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double[] pp = y[k++];
        double[] pm = y[k++];
        double[] mp = y[k++];
        double[] mm = y[k++];
        double[] mixed = new double[dim];
        for (int r = 0; r < dim; r++) {
          mixed[r] = (pp[r] - pm[r] - mp[r] + mm[r]) / (4 * h[i] * h[j]);
        }
        hessian[i][j] = hessian[j][i] = mixed;
      }
    }
    return new Jet(centre, tangents, hessian);
  }
}
