package io.tessera.math.riemann;

import io.tessera.math.latent.Jet;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The Ricci tensor and scalar curvature of a metric from its Christoffel symbols (seed 000's
 * eqs. 6-7; docs/methods/latent-curvature.md, The Ricci route):
 *
 * <pre>
 *   Γ^k_ij = g^kl Γ_lij,   Γ_lij = ½ (∂_i g_jl + ∂_j g_il − ∂_l g_ij)
 *   R_ij   = ∂_k Γ^k_ij − ∂_j Γ^k_ik + Γ^k_kl Γ^l_ij − Γ^k_jl Γ^l_ik,   R = g^ij R_ij
 * </pre>
 *
 * The symbols come from a {@link Connection} field; their derivatives are fourth-order central
 * differences with step h_k along axis k, so the error is O(h⁴) plus rounding of order ε|Γ|/h. Unlike the
 * Gauss equation this needs no embedding, so it also takes metrics given in closed form.
 */
public final class RicciCurvature {
  private RicciCurvature() {}

  /**
   * The metric and Christoffel symbols of the first kind at one point.
   *
   * @param metric g_ij
   * @param firstKind Γ_lij, indexed [l][i][j]
   */
  public record Connection(double[][] metric, double[][][] firstKind) {
    /** Γ^k_ij = g^kl Γ_lij, indexed [k][i][j]. */
    double[][][] secondKind() {
      int n = metric.length;
      double[][] inverse = inverse(metric);
      double[][][] gamma = new double[n][n][n];
      for (int k = 0; k < n; k++) {
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            double sum = 0;
            for (int l = 0; l < n; l++) {
              sum += inverse[k][l] * firstKind[l][i][j];
            }
            gamma[k][i][j] = sum;
          }
        }
      }
      return gamma;
    }
  }

  /** R_ij and R at one point. */
  public record Result(double[][] ricci, double scalar) {}

  /**
   * The connection of a decoder's pullback metric g = JᵀJ, exactly from its jet:
   * Γ_lij = ⟨∂_l ψ, ∂_i ∂_j ψ⟩.
   */
  public static Connection ofJet(Jet jet) {
    int n = jet.latentDim();
    double[][] g = new double[n][n];
    double[][][] first = new double[n][n][n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        g[a][b] = dot(jet.tangents()[a], jet.tangents()[b]);
        for (int c = 0; c < n; c++) {
          first[a][b][c] = dot(jet.tangents()[a], jet.hessian()[b][c]);
        }
      }
    }
    return new Connection(g, first);
  }

  /**
   * The connection of a metric given as a function of the coordinates, its first derivatives by
   * fourth-order central differences with step {@code h[k]} along axis k.
   */
  public static Connection ofMetric(Function<double[], double[][]> metric, double[] z, double[] h) {
    int n = z.length;
    double[][] dg = new double[n][]; // dg[k][i n + j] = ∂_k g_ij
    for (int k = 0; k < n; k++) {
      dg[k] = difference(x -> flat(metric.apply(x)), z, k, h[k]);
    }
    double[][][] first = new double[n][n][n];
    for (int l = 0; l < n; l++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          first[l][i][j] = 0.5 * (dg[i][j * n + l] + dg[j][i * n + l] - dg[l][i * n + j]);
        }
      }
    }
    return new Connection(metric.apply(z), first);
  }

  /** R_ij and R at {@code z} from the connection field, with step {@code h[k]} for its derivatives along axis k. */
  public static Result at(Function<double[], Connection> field, double[] z, double[] h) {
    int n = z.length;
    Connection here = field.apply(z);
    double[][][] gamma = here.secondKind();
    double[][] dGamma = new double[n][]; // dGamma[m][(k n + i) n + j] = ∂_m Γ^k_ij
    for (int m = 0; m < n; m++) {
      dGamma[m] = difference(x -> flat(field.apply(x).secondKind()), z, m, h[m]);
    }
    double[][] ricci = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
          sum += dGamma[k][(k * n + i) * n + j] - dGamma[j][(k * n + i) * n + k];
          for (int l = 0; l < n; l++) {
            sum += gamma[k][k][l] * gamma[l][i][j] - gamma[k][j][l] * gamma[l][i][k];
          }
        }
        ricci[i][j] = sum;
      }
    }
    double[][] inverse = inverse(here.metric());
    double scalar = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        scalar += inverse[i][j] * ricci[i][j];
      }
    }
    return new Result(ricci, scalar);
  }

  /** (−f(z+2h) + 8 f(z+h) − 8 f(z−h) + f(z−2h)) / 12h along axis {@code k}, entry by entry. */
  private static double[] difference(Function<double[], double[]> f, double[] z, int k, double h) {
    double[] plus2 = f.apply(shifted(z, k, 2 * h));
    double[] plus1 = f.apply(shifted(z, k, h));
    double[] minus1 = f.apply(shifted(z, k, -h));
    double[] minus2 = f.apply(shifted(z, k, -2 * h));
    double[] out = new double[plus2.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (-plus2[i] + 8 * plus1[i] - 8 * minus1[i] + minus2[i]) / (12 * h);
    }
    return out;
  }

  /** Row-major entries. */
  private static double[] flat(double[][] m) {
    return java.util.Arrays.stream(m).flatMapToDouble(java.util.Arrays::stream).toArray();
  }

  private static double[] flat(double[][][] t) {
    return java.util.Arrays.stream(t).flatMapToDouble(m -> java.util.Arrays.stream(flat(m))).toArray();
  }

  private static double[] shifted(double[] z, int k, double by) {
    double[] s = z.clone();
    s[k] += by;
    return s;
  }

  private static double[][] inverse(double[][] g) {
    DMatrixRMaj m = new DMatrixRMaj(g);
    if (!CommonOps_DDRM.invert(m)) {
      throw new IllegalArgumentException("the metric is singular");
    }
    double[][] out = new double[g.length][g.length];
    for (int i = 0; i < g.length; i++) {
      for (int j = 0; j < g.length; j++) {
        out[i][j] = m.get(i, j);
      }
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
