package io.tessera.math.latent;

import java.util.SplittableRandom;

/**
 * A kernel bandwidth Sigma = L L^T (L lower triangular) as a length scale in latent coordinates:
 * whitening w = L^-1 z, distances in bandwidths |L^-1 (a - b)|, the preconditioned step Sigma v,
 * and uniform draws from the ellipsoid {|L^-1 (z - c)| <= 1}.
 */
public final class Bandwidth implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final double[][] factor;
  private final double[][] inverseFactor;

  Bandwidth(double[][] factor, double[][] inverseFactor) {
    this.factor = factor;
    this.inverseFactor = inverseFactor;
  }

  /** Sigma = s^2 I. */
  public static Bandwidth isotropic(int n, double s) {
    double[][] l = new double[n][n];
    double[][] inverse = new double[n][n];
    for (int i = 0; i < n; i++) {
      l[i][i] = s;
      inverse[i][i] = 1 / s;
    }
    return new Bandwidth(l, inverse);
  }

  public int dim() {
    return factor.length;
  }

  /** log det L = ½ log det Sigma. */
  double logDetFactor() {
    double sum = 0;
    for (int i = 0; i < factor.length; i++) {
      sum += Math.log(factor[i][i]);
    }
    return sum;
  }

  /** L^-1 z. */
  public double[] whiten(double[] z) {
    int n = z.length;
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j <= i; j++) {
        s += inverseFactor[i][j] * z[j];
      }
      w[i] = s;
    }
    return w;
  }

  /** L w. */
  public double[] colour(double[] w) {
    int n = w.length;
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        z[i] += factor[i][j] * w[j];
      }
    }
    return z;
  }

  /** L^-T v: a covector of whitened coordinates in latent ones (dp/dz = L^-T dp/dw). */
  double[] covectorToLatent(double[] v) {
    int n = v.length;
    double[] out = new double[n];
    for (int j = 0; j < n; j++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += inverseFactor[i][j] * v[i];
      }
      out[j] = s;
    }
    return out;
  }

  /** |L^-1 (a - b)|^2, the squared distance in bandwidths. */
  public double distance2(double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = a[i] - b[i];
    }
    double[] w = whiten(d);
    double s = 0;
    for (double x : w) {
      s += x * x;
    }
    return s;
  }

  /** Sigma v = L (L^T v): the gradient step that is the same in every linear chart. */
  public double[] step(double[] covector) {
    int n = covector.length;
    double[] lt = new double[n];
    for (int j = 0; j < n; j++) {
      for (int i = j; i < n; i++) {
        lt[j] += factor[i][j] * covector[i];
      }
    }
    return colour(lt);
  }

  /** A uniform draw from the ellipsoid of radius one bandwidth around {@code centre}. */
  public double[] ballPoint(double[] centre, SplittableRandom random) {
    int n = centre.length;
    double[] u = new double[n];
    double norm = 0;
    for (int i = 0; i < n; i++) {
      u[i] = random.nextGaussian();
      norm += u[i] * u[i];
    }
    double radius = Math.pow(random.nextDouble(), 1.0 / n) / Math.sqrt(norm);
    for (int i = 0; i < n; i++) {
      u[i] *= radius;
    }
    double[] z = colour(u);
    for (int i = 0; i < n; i++) {
      z[i] += centre[i];
    }
    return z;
  }

  /** The ellipsoid's volume, V_n det L with V_n the unit ball's (V_n = 2 pi / n V_(n-2)). */
  public double ballVolume() {
    int n = factor.length;
    double unit = n % 2 == 0 ? 1 : 2;
    for (int k = n % 2 == 0 ? 2 : 3; k <= n; k += 2) {
      unit *= 2 * Math.PI / k;
    }
    double det = 1;
    for (int i = 0; i < n; i++) {
      det *= factor[i][i];
    }
    return unit * det;
  }
}
