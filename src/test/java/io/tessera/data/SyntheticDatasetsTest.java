package io.tessera.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TesseraException;
import io.tessera.data.SyntheticDatasets.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyntheticDatasetsTest {
  @ParameterizedTest
  @EnumSource(Kind.class)
  void sameSeedSamePointsOtherSeedOtherPoints(Kind kind) {
    LabeledPoints a = SyntheticDatasets.generate(kind, 300, 42, 5);
    LabeledPoints b = SyntheticDatasets.generate(kind, 300, 42, 5);
    LabeledPoints c = SyntheticDatasets.generate(kind, 300, 43, 5);
    for (int i = 0; i < 300; i++) {
      assertArrayEquals(a.features()[i], b.features()[i]);
    }
    // Whole points: an image's corner pixel is 0 whatever the seed.
    assertFalse(java.util.Arrays.equals(a.features()[7], c.features()[7]), kind + ": another seed, another point 7");
    for (float[] x : a.features()) {
      for (float v : x) {
        assertTrue(Float.isFinite(v));
      }
    }
  }

  @Test
  void theThreeDimensionalSwissRollFollowsItsParametrisation() {
    LabeledPoints p = SyntheticDatasets.generate(Kind.SWISS_ROLL_3D, 500, 2, 3);
    for (int i = 0; i < p.size(); i++) {
      double t = p.targets()[i];
      float[] x = p.features()[i];
      assertTrue(t >= 1.5 * Math.PI && t <= 4.5 * Math.PI && x[1] >= 0 && x[1] <= 21);
      assertEquals(t * Math.cos(t), x[0], 1e-5 * t);
      assertEquals(t * Math.sin(t), x[2], 1e-5 * t);
    }
  }

  /**
   * Each manifold's defining equations, exactly 0 on true points up to float32 storage: the sphere
   * |x| = 1; the Clifford torus x1^2 + x2^2 = x3^2 + x4^2 = 1; the Klein bottle
   * (rho - 2)^2 + x3^2 + x4^2 = 1 with rho = |(x1, x2)|, and x3 sin(u/2) = x4 cos(u/2) with
   * u = atan2(x2, x1), which holds for either branch of u / 2.
   */
  @Test
  void theManifoldsSatisfyTheirDefiningEquations() {
    for (float[] x : SyntheticDatasets.generate(Kind.SPHERE, 1000, 3, 0).features()) {
      assertEquals(1, Math.sqrt(x[0] * (double) x[0] + x[1] * (double) x[1] + x[2] * (double) x[2]), 1e-6);
    }
    for (float[] x : SyntheticDatasets.generate(Kind.CLIFFORD_TORUS, 1000, 3, 0).features()) {
      assertEquals(1, x[0] * (double) x[0] + x[1] * (double) x[1], 1e-6);
      assertEquals(1, x[2] * (double) x[2] + x[3] * (double) x[3], 1e-6);
    }
    for (float[] x : SyntheticDatasets.generate(Kind.KLEIN_BOTTLE, 1000, 3, 0).features()) {
      double rho = Math.hypot(x[0], x[1]);
      assertEquals(1, (rho - 2) * (rho - 2) + x[2] * (double) x[2] + x[3] * (double) x[3], 1e-5);
      double u = Math.atan2(x[1], x[0]);
      assertEquals(0, x[2] * Math.sin(u / 2) - x[3] * Math.cos(u / 2), 1e-5);
    }
    // The sphere is uniform: each coordinate has mean 0 and variance 1/3 (standard error 0.018 for the mean at n = 1000).
    float[][] s = SyntheticDatasets.generate(Kind.SPHERE, 1000, 4, 0).features();
    for (int k = 0; k < 3; k++) {
      final int axis = k;
      assertEquals(0, java.util.Arrays.stream(s).mapToDouble(x -> x[axis]).average().orElseThrow(), 0.075);
      assertEquals(1 / 3.0, java.util.Arrays.stream(s).mapToDouble(x -> x[axis] * (double) x[axis]).average().orElseThrow(), 0.05);
    }
  }

  @Test
  void regressionTargetIsTheLiuToyFunction() {
    LabeledPoints p = SyntheticDatasets.generate(Kind.REGRESSION, 1000, 1, 2);
    for (int i = 0; i < p.size(); i++) {
      float[] x = p.features()[i];
      assertTrue(Math.abs(x[0]) <= 1 && Math.abs(x[1]) <= 1);
      assertEquals(x[0] * (double) x[0] + x[1] * (double) x[1] - 0.4, p.targets()[i], 1e-12);
      assertEquals(p.targets()[i] > 0 ? 1 : 0, p.labels()[i]);
    }
  }

  @Test
  void shapesSatisfyTheirDefiningEquations() {
    LabeledPoints xor = SyntheticDatasets.generate(Kind.XOR, 500, 2, 2);
    LabeledPoints annulus = SyntheticDatasets.generate(Kind.CIRCLE_ANNULUS, 500, 2, 2);
    LabeledPoints circles = SyntheticDatasets.generate(Kind.CIRCLES, 500, 2, 2);
    LabeledPoints moons = SyntheticDatasets.generate(Kind.MOONS, 500, 2, 2);
    LabeledPoints s = SyntheticDatasets.generate(Kind.S_CURVE, 500, 2, 2);
    for (int i = 0; i < 500; i++) {
      float[] x = xor.features()[i];
      assertEquals((x[0] > 0) ^ (x[1] > 0) ? 1 : 0, xor.labels()[i]);
      double r = Math.hypot(annulus.features()[i][0], annulus.features()[i][1]);
      assertTrue(annulus.labels()[i] == 0 ? r <= 0.5 + 1e-6 : r >= 0.7 - 1e-6 && r <= 1 + 1e-6, "radius " + r);
      assertEquals(circles.labels()[i] == 0 ? 1.0 : 0.8, Math.hypot(circles.features()[i][0], circles.features()[i][1]), 1e-6);
      float[] m = moons.features()[i];
      double centreX = moons.labels()[i] == 0 ? 0 : 1;
      double centreY = moons.labels()[i] == 0 ? 0 : 0.5;
      assertEquals(1.0, Math.hypot(m[0] - centreX, m[1] - centreY), 1e-6);
      // S-curve: x = sin t, y = sign(t)(cos t - 1), so (|y| - 1)^2 + x^2 = 1.
      float[] p = s.features()[i];
      assertEquals(1.0, Math.pow(Math.abs(p[1]) - 1, 2) + p[0] * (double) p[0], 1e-5);
    }
  }

  @Test
  void threeGaussiansLieOnThreeAffinePlanes() {
    int dim = 6;
    LabeledPoints p = SyntheticDatasets.generate(Kind.THREE_GAUSSIANS, 300, 9, dim);
    for (int k = 0; k < 3; k++) {
      // Points of one component differ by vectors of a 2-D subspace: any three differences are dependent.
      double[][] d = new double[3][dim];
      for (int j = 0; j < 3; j++) {
        for (int c = 0; c < dim; c++) {
          d[j][c] = p.features()[k + 3 * (j + 1)][c] - p.features()[k][c];
        }
      }
      assertEquals(0.0, gramDeterminant(d), 1e-6 * Math.pow(norm(d[0]) * norm(d[1]) * norm(d[2]), 2));
      assertEquals(k, p.labels()[k]);
    }
    assertThrows(TesseraException.class, () -> SyntheticDatasets.generate(Kind.THREE_GAUSSIANS, 10, 1, 1));
    assertThrows(TesseraException.class, () -> Kind.parse("spiral"));
    assertEquals(Kind.SWISS_ROLL, Kind.parse("swiss-roll"));
  }

  private static double gramDeterminant(double[][] v) {
    double[][] g = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        for (int c = 0; c < v[i].length; c++) {
          g[i][j] += v[i][c] * v[j][c];
        }
      }
    }
    return g[0][0] * (g[1][1] * g[2][2] - g[1][2] * g[2][1]) - g[0][1] * (g[1][0] * g[2][2] - g[1][2] * g[2][0])
        + g[0][2] * (g[1][0] * g[2][1] - g[1][1] * g[2][0]);
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
