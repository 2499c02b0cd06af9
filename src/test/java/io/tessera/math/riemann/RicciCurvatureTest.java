package io.tessera.math.riemann;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.math.latent.GaussCurvature;
import io.tessera.math.latent.PointGeometry;
import io.tessera.math.latent.RandomDecoders;
import io.tessera.math.latent.SmoothActivation;
import io.tessera.math.latent.SmoothMlpJets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The Christoffel route against closed forms and against the Gauss equation. Tolerances: the
 * symbols' derivatives are fourth-order differences (h = 1e-3, truncation ~1e-12), the metric's
 * own derivatives in the closed-form cases are nested differences, so rounding, ε |g| / h², is
 * about 1e-10; 1e-7 relative leaves three orders of margin.
 */
class RicciCurvatureTest {
  private static final double H = 1e-3;
  private static final double TOL = 1e-7;

  /** Seed 000's eq. 1: dr²/(1 − k r²) + r² (dθ² + sin²θ dφ²); k = −1 is its eq. 2, H³. */
  private static Function<double[], double[][]> unified(double k) {
    return z -> new double[][] {
        {1 / (1 - k * z[0] * z[0]), 0, 0},
        {0, z[0] * z[0], 0},
        {0, 0, z[0] * z[0] * Math.sin(z[1]) * Math.sin(z[1])}};
  }

  private static double[] steps(int n) {
    double[] h = new double[n];
    java.util.Arrays.fill(h, H);
    return h;
  }

  private static RicciCurvature.Result ofMetric(Function<double[], double[][]> g, double... z) {
    double[] h = steps(z.length);
    return RicciCurvature.at(x -> RicciCurvature.ofMetric(g, x, h), z, h);
  }

  /** Constant sectional curvature k in dimension 3: R_ij = 2k g_ij and R = 6k. */
  private static void assertEinstein(double k, Function<double[], double[][]> g, double[] z) {
    RicciCurvature.Result r = ofMetric(g, z);
    double[][] metric = g.apply(z);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(2 * k * metric[i][j], r.ricci()[i][j], TOL * Math.max(1, Math.abs(metric[i][j])), "R_" + i + j + " at k " + k);
      }
    }
    assertEquals(6 * k, r.scalar(), TOL * 6, "R at k " + k);
  }

  @Test
  void theSeedsHyperbolicMetricHasRicciMinusTwoGAndScalarMinusSix() {
    assertEinstein(-1, unified(-1), new double[] {0.7, 1.1, 0.3});
    assertEinstein(-1, unified(-1), new double[] {2.5, 0.4, -1.0});
  }

  @Test
  void theRoundThreeSphereHasRicciTwoGOverASquared() {
    assertEinstein(1, unified(1), new double[] {0.5, 1.2, 0.8});
    // Hyperspherical angles on a sphere of radius a: a² (dχ² + sin²χ (dθ² + sin²θ dφ²)), R = 6 / a².
    double a = 1.7;
    Function<double[], double[][]> angles = z -> {
      double s = Math.sin(z[0]);
      return new double[][] {{a * a, 0, 0}, {0, a * a * s * s, 0}, {0, 0, a * a * s * s * Math.sin(z[1]) * Math.sin(z[1])}};
    };
    assertEinstein(1 / (a * a), angles, new double[] {0.9, 2.0, 0.1});
    assertEinstein(0, unified(0), new double[] {1.3, 0.7, 2.2});
  }

  @Test
  void onDecodersTheChristoffelRouteAgreesWithTheGaussEquation() {
    // Intrinsic curvature does not depend on how it is computed: for an immersion, the Ricci
    // contraction of the pullback metric and |H|² − |II|² are the same number.
    SplittableRandom random = new SplittableRandom(11);
    for (int n = 2; n <= 4; n++) {
      SmoothMlpJets mlp = RandomDecoders.mlp(random, new int[] {n, 8, 10, 7}, 1.5,
          List.of(SmoothActivation.TANH, SmoothActivation.SOFTPLUS, SmoothActivation.IDENTITY));
      for (int p = 0; p < 3; p++) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
          z[i] = random.nextGaussian();
        }
        PointGeometry gauss = GaussCurvature.of(mlp.at(z));
        double ricci = RicciCurvature.at(x -> RicciCurvature.ofJet(mlp.at(x)), z, steps(n)).scalar();
        double scale = gauss.meanCurvatureNorm2() + gauss.secondFormNorm2();
        assertEquals(gauss.scalarCurvature(), ricci, 1e-7 * scale, "n " + n + ", point " + p);
      }
    }
  }
}
