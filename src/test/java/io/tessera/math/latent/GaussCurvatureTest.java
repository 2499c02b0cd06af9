package io.tessera.math.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The closed forms of docs/methods/latent-curvature.md, Closed-form checks, through the
 * finite-difference route (any decoder) and the analytic MLP route: central differences are held
 * to 1e-5 relative ({@link #FD}; 2e-5 absolute on the pseudosphere, where R = -2), the analytic
 * route to the differences at 1e-6 of the curvature's scale, and exact jets to 1e-9.
 */
class GaussCurvatureTest {
  /** Relative tolerance of curvatures from central differences at the default step, 1e-4. */
  private static final double FD = 1e-5;

  /** A decoder given point by point, decoded row by row as the batch interface wants. */
  static UnaryOperator<double[][]> rows(UnaryOperator<double[]> psi) {
    return zs -> {
      double[][] out = new double[zs.length][];
      for (int i = 0; i < zs.length; i++) {
        out[i] = psi.apply(zs[i]);
      }
      return out;
    };
  }

  static PointGeometry fd(UnaryOperator<double[]> psi, double... z) {
    double[] steps = new double[z.length];
    java.util.Arrays.fill(steps, FiniteDifferenceJets.DEFAULT_ETA);
    return GaussCurvature.of(FiniteDifferenceJets.of(rows(psi), new double[][] {z}, steps)[0]);
  }

  static double[] sphere(double a, double[] z) {
    return new double[] {a * Math.sin(z[0]) * Math.cos(z[1]), a * Math.sin(z[0]) * Math.sin(z[1]), a * Math.cos(z[0])};
  }

  @Test
  void anAffineDecoderIsFlatWithTheConstantMetric() {
    PointGeometry g = fd(z -> new double[] {z[0] + 2 * z[1] + 1, z[1] - 2, 3 * z[0] - z[1]}, 0.3, -0.7);
    assertEquals(0, g.scalarCurvature(), 1e-6);
    assertEquals(0, g.secondFormNorm2(), 1e-6);
    double[] metric = g.metricUpper();
    assertEquals(10, metric[0], 1e-9);
    assertEquals(-1, metric[1], 1e-9);
    assertEquals(6, metric[2], 1e-9);
    assertEquals(Math.log(Math.sqrt(59)), g.logSqrtDetG(), 1e-9);
    assertEquals(0, g.gradLogSqrtDetG()[0], 1e-6);
  }

  @Test
  void aSphereOfRadiusAHasScalarCurvatureTwoOverASquared() {
    for (double a : new double[] {0.5, 1, 2, 7}) {
      for (double[] z : new double[][] {{0.4, 0.1}, {1.2, 2.5}, {2.6, -1}}) {
        PointGeometry g = fd(p -> sphere(a, p), z);
        assertEquals(2 / (a * a), g.scalarCurvature(), FD * 2 / (a * a), "a " + a);
        assertEquals(4 / (a * a), g.meanCurvatureNorm2(), FD * 4 / (a * a));
        assertEquals(1 / (a * a), g.gaussianCurvature(), FD * 1 / (a * a));
        assertEquals(Math.log(a * a * Math.sin(z[0])), g.logSqrtDetG(), 1e-8);
        assertEquals(Math.cos(z[0]) / Math.sin(z[0]), g.gradLogSqrtDetG()[0], 1e-6, "d_theta log sqrt det g = cot theta");
      }
    }
  }

  @Test
  void thePseudosphereHasScalarCurvatureMinusTwo() {
    for (double u : new double[] {0.5, 1, 2.5}) {
      PointGeometry g = fd(z -> new double[] {Math.cos(z[1]) / Math.cosh(z[0]), Math.sin(z[1]) / Math.cosh(z[0]), z[0] - Math.tanh(z[0])}, u, 0.3);
      assertEquals(-2, g.scalarCurvature(), 2e-5, "u " + u);
    }
  }

  @Test
  void theSwissRollIsFlatThoughBothGaussTermsAreLarge() {
    PointGeometry g = fd(z -> new double[] {z[0] * Math.cos(z[0]), z[1], z[0] * Math.sin(z[0])}, 5, 3);
    assertEquals(0.0414770, g.meanCurvatureNorm2(), 1e-7);
    assertEquals(0.0414770, g.secondFormNorm2(), 1e-7);
    assertEquals(0, g.scalarCurvature(), 1e-6 * g.secondFormNorm2());
  }

  @Test
  void theThreeSphereHasScalarCurvatureSixAndTheHemisphereGraphNTimesNMinusOne() {
    UnaryOperator<double[]> s3 = z -> new double[] {z[0] * Math.sin(z[1]) * Math.cos(z[2]), z[0] * Math.sin(z[1]) * Math.sin(z[2]),
        z[0] * Math.cos(z[1]), Math.sqrt(1 - z[0] * z[0])};
    assertEquals(6, fd(s3, 0.5, 1.1, 0.4).scalarCurvature(), 6e-5);
    assertEquals(6, fd(s3, 0.3, 2.0, -2).scalarCurvature(), 6e-5);
    double a = 1.5;
    for (int n = 2; n <= 4; n++) {
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        z[i] = 0.2 * (i + 1) - 0.35;
      }
      UnaryOperator<double[]> hemisphere = p -> {
        double[] x = java.util.Arrays.copyOf(p, p.length + 1);
        double r2 = 0;
        for (double v : p) {
          r2 += v * v;
        }
        x[p.length] = Math.sqrt(a * a - r2);
        return x;
      };
      assertEquals(n * (n - 1) / (a * a), fd(hemisphere, z).scalarCurvature(), FD * n * (n - 1) / (a * a), "n " + n);
    }
  }

  @Test
  void curvatureIsInvariantUnderReparametrisation() {
    double a = 1.3;
    for (double[] w : new double[][] {{0.9, 0.4}, {1.5, -2}, {0.6, 2.2}}) {
      double[] z = {w[0] + 0.2 * Math.sin(w[1]), w[1] + 0.1 * w[0] * w[0]};
      PointGeometry g = fd(p -> sphere(a, new double[] {p[0] + 0.2 * Math.sin(p[1]), p[1] + 0.1 * p[0] * p[0]}), w);
      assertEquals(2 / (a * a), g.scalarCurvature(), 1e-5);
      assertEquals(Math.log(a * a * Math.sin(z[0]) * Math.abs(1 - 0.04 * w[0] * Math.cos(w[1]))), g.logSqrtDetG(), 1e-8);
    }
    // The stereographic chart: a conformal metric, the same constant curvature.
    PointGeometry stereo = fd(p -> {
      double d = 1 + p[0] * p[0] + p[1] * p[1];
      return new double[] {a * 2 * p[0] / d, a * 2 * p[1] / d, a * (p[0] * p[0] + p[1] * p[1] - 1) / d};
    }, 0.4, -0.8);
    assertEquals(2 / (a * a), stereo.scalarCurvature(), 1e-5);
  }

  @Test
  void aCollapsedDirectionIsDegenerateNotCurved() {
    PointGeometry g = fd(z -> new double[] {z[0], z[0] * z[0], 0}, 0.5, 0.5);
    assertTrue(g.degenerate());
    assertTrue(Double.isNaN(g.scalarCurvature()));
    assertFalse(fd(z -> new double[] {z[0], z[1], 0}, 0.5, 0.5).degenerate());
    assertTrue(fd(z -> new double[] {z[0] + z[1]}, 0.5, 0.5).degenerate(), "a 2-D latent cannot immerse in a line");
  }

  @Test
  void exactMlpJetsAgreeWithFiniteDifferencesAndTheirCurvature() {
    SplittableRandom random = new SplittableRandom(5);
    for (SmoothActivation activation : List.of(SmoothActivation.TANH, SmoothActivation.SOFTPLUS, SmoothActivation.SIGMOID)) {
      for (int n = 2; n <= 4; n++) {
        SmoothMlpJets mlp = RandomDecoders.mlp(random, new int[] {n, 7, 9, 6}, 1, List.of(activation, activation, SmoothActivation.IDENTITY));
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
          z[i] = random.nextGaussian();
        }
        Jet exact = mlp.at(z);
        PointGeometry analytic = GaussCurvature.of(exact);
        PointGeometry differences = fd(mlp::decode, z);
        double scale = analytic.meanCurvatureNorm2() + analytic.secondFormNorm2();
        assertEquals(analytic.scalarCurvature(), differences.scalarCurvature(), 1e-6 * scale, activation + " n " + n);
        assertEquals(analytic.logSqrtDetG(), differences.logSqrtDetG(), 1e-8);
        // The jets' tangents are the decoder's derivatives: central differences of decode, error O(h^2).
        for (int i = 0; i < n; i++) {
          double[] up = z.clone();
          double[] down = z.clone();
          up[i] += 1e-5;
          down[i] -= 1e-5;
          double[] fUp = mlp.decode(up);
          double[] fDown = mlp.decode(down);
          for (int k = 0; k < fUp.length; k++) {
            assertEquals((fUp[k] - fDown[k]) / 2e-5, exact.tangents()[i][k], 1e-7, activation + " tangent " + i + ", output " + k);
          }
        }
      }
    }
  }

  /**
   * A ReLU vertex inside the stencil fails the convergence check; a single fold does not
   * (docs/methods/latent-curvature.md, Finite differences and the convergence check).
   */
  @Test
  void aKinkInsideTheStencilFailsTheConvergenceCheck() {
    UnaryOperator<double[]> vertex = z -> new double[] {z[0], z[1], Math.max(0, z[0]) + Math.max(0, z[1])};
    double[] unit = {1, 1};
    FiniteDifferenceGeometry.Outcome[] near = FiniteDifferenceGeometry.at(rows(vertex), new double[][] {{3e-5, -2e-5}}, unit, 1e-4);
    assertFalse(near[0].converged(), "both axes inside the stencil: R " + near[0].geometry().scalarCurvature());
    FiniteDifferenceGeometry.Outcome[] fold = FiniteDifferenceGeometry.at(rows(vertex), new double[][] {{3e-5, 0.5}}, unit, 1e-4);
    assertTrue(fold[0].converged());
    assertEquals(0, fold[0].geometry().scalarCurvature(), 1e-6);
    FiniteDifferenceGeometry.Outcome[] smooth = FiniteDifferenceGeometry.at(rows(p -> sphere(2, p)), new double[][] {{1, 1}}, unit, 1e-4);
    assertTrue(smooth[0].converged());
    assertEquals(0.5, smooth[0].geometry().scalarCurvature(), 1e-6);
  }
}
