package io.tessera.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tessera.TestModels;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MlpWeightsTest {
  /**
   * Sattelberg et al.'s XOR net (their eq. 2; docs/methods/polytopes-and-regions.md, Worked
   * example: the XOR network): z1 = x+y+1, z2 = x+y, f = 2 relu(z1) - 4 relu(z2) - 1.
   */
  private static final MlpWeights XOR = new MlpWeights(
      new double[][][] {{{1, 1}, {1, 1}}, {{2, -4}}},
      new double[][] {{1, 0}, {-1}});

  @Test
  void xorNetworkMatchesTheWorkedExample() {
    assertArrayEquals(new double[] {-1}, XOR.evaluate(new double[] {-1, -1}).output(), 0);
    assertArrayEquals(new double[] {-3}, XOR.evaluate(new double[] {1, 1}).output(), 0);
    assertArrayEquals(new double[] {1}, XOR.evaluate(new double[] {-1, 1}).output(), 0);
    // (1, -1) lies exactly on the bottom neuron's boundary: z2 = 0, so its bit is off (pattern 10).
    assertArrayEquals(new double[] {1, 0}, XOR.evaluate(new double[] {1, -1}).preActivations()[0], 0);
  }

  @Test
  void jacobianIsTheMaskedWeightProduct() {
    // Region 11 (x+y > 0): G = -2x - 2y + 1; region 10: 2x + 2y + 1; region 00: constant -1.
    assertArrayEquals(new double[] {-2, -2}, XOR.jacobian(new double[] {0.5, 0.5})[0], 0);
    assertArrayEquals(new double[] {2, 2}, XOR.jacobian(new double[] {-0.2, -0.3})[0], 0);
    assertArrayEquals(new double[] {0, 0}, XOR.jacobian(new double[] {-1, -1})[0], 0);
  }

  @Test
  void jacobianAgreesWithCentralDifferencesAwayFromBoundaries() {
    MlpWeights net = TestModels.random(9, 4, 7, 5, 3);
    Random random = new Random(1);
    double h = 1e-6;
    for (int trial = 0; trial < 20; trial++) {
      double[] x = random.doubles(4, -1, 1).toArray();
      double[][] j = net.jacobian(x);
      for (int k = 0; k < 4; k++) {
        double[] up = x.clone();
        double[] down = x.clone();
        up[k] += h;
        down[k] -= h;
        double[] fu = net.evaluate(up).output();
        double[] fd = net.evaluate(down).output();
        for (int o = 0; o < 3; o++) {
          // Piecewise linear: the difference quotient is exact unless a boundary lies within h.
          assertEquals(j[o][k], (fu[o] - fd[o]) / (2 * h), 1e-6);
        }
      }
    }
  }

  @Test
  void patternConcatenatesTheHiddenLayersLayerMajor() {
    MlpWeights net = TestModels.random(10, 3, 70, 5, 2);
    assertEquals(75, net.hiddenUnits());
    double[] x = {0.4, -1.2, 0.9};
    double[][] pre = net.evaluate(x).preActivations();
    long[] pattern = net.pattern(x);
    assertEquals(2, pattern.length);
    for (int k = 0; k < 75; k++) {
      double z = k < 70 ? pre[0][k] : pre[1][k - 70];
      assertEquals(z > 0, BitPatterns.get(pattern, k), "unit " + k);
    }
  }

  @Test
  void rejectsInconsistentShapes() {
    assertThrows(IllegalArgumentException.class,
        () -> new MlpWeights(new double[][][] {{{1, 1}}, {{1, 1}}}, new double[][] {{0}, {0}}));
    assertThrows(IllegalArgumentException.class, () -> XOR.evaluate(new double[3]));
    assertEquals(2, XOR.inputDim());
    assertArrayEquals(new int[] {2}, XOR.hiddenWidths());
  }
}
