package io.tessera.math.polytope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TestModels;
import io.tessera.math.MlpWeights;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PolytopeTest {
  /**
   * Sattelberg et al.'s XOR net (their eq. 2; docs/methods/polytopes-and-regions.md, Worked example:
   * the XOR network): z_top = x+y+1 (bit 0), z_bottom = x+y (bit 1).
   */
  static final MlpWeights XOR = new MlpWeights(new double[][][] {{{1, 1}, {1, 1}}, {{2, -4}}}, new double[][] {{1, 0}, {-1}});

  @Test
  void xorNetworkHasExactlyTheThreeRegionsOfEquation3() {
    // Pattern words: bit 0 = top, bit 1 = bottom. 11 -> 3, 10 (top on) -> 1, 00 -> 0, 01 -> 2.
    Polytope p11 = Polytope.of(XOR, new long[] {3});
    assertRows(new double[][] {{-1, -1}, {-1, -1}}, p11.a());
    assertArrayEquals(new double[] {1, 0}, p11.c(), 0.0);
    assertArrayEquals(new double[] {-2, -2}, p11.mapWeight()[0], 0.0);
    assertArrayEquals(new double[] {1}, p11.mapBias(), 0.0);
    Polytope p10 = Polytope.of(XOR, new long[] {1});
    assertRows(new double[][] {{-1, -1}, {1, 1}}, p10.a());
    assertArrayEquals(new double[] {1, 0}, p10.c(), 0.0);
    assertArrayEquals(new double[] {2, 2}, p10.mapWeight()[0], 0.0);
    assertArrayEquals(new double[] {1}, p10.mapBias(), 0.0);
    Polytope p00 = Polytope.of(XOR, new long[] {0});
    assertRows(new double[][] {{1, 1}, {1, 1}}, p00.a());
    assertArrayEquals(new double[] {-1, 0}, p00.c(), 0.0);
    assertArrayEquals(new double[] {0, 0}, p00.mapWeight()[0], 0.0);
    assertArrayEquals(new double[] {-1}, p00.mapBias(), 0.0);
    // Regions 11 and 00 are half-planes: infinite balls. 10 is a strip of width 1/sqrt(2),
    // unbounded but with a finite ball. 01 is empty: r = -sqrt(2)/4
    // (docs/methods/polytopes-and-regions.md, Worked example: the XOR network).
    assertEquals(1 / (2 * Math.sqrt(2)), ChebyshevBall.of(p10, null, null).radius(), 1e-9);
    for (long s : new long[] {3, 0}) {
      assertEquals(Double.POSITIVE_INFINITY, ChebyshevBall.of(Polytope.of(XOR, new long[] {s}), null, null).radius());
    }
    assertEquals(-Math.sqrt(2) / 4, ChebyshevBall.of(Polytope.of(XOR, new long[] {2}), null, null).radius(), 1e-9);
    // In the box [-1,1]^2 the strip -1 <= x+y <= 0 holds a ball of radius 1/(2 sqrt 2).
    ChebyshevBall strip = ChebyshevBall.of(p10, new double[] {-1, -1}, new double[] {1, 1});
    assertEquals(1 / (2 * Math.sqrt(2)), strip.radius(), 1e-9);
  }

  @Test
  void everySampleSatisfiesItsOwnConstraintsAndTheMapIsTheNetwork() {
    Random random = new Random(8);
    for (int[] widths : new int[][] {{2, 10, 10, 1}, {5, 16, 12, 8, 3}, {784, 40, 30, 10}}) {
      MlpWeights net = TestModels.random(widths.length * 31L, widths);
      for (int trial = 0; trial < 10; trial++) {
        double[] x = random.doubles(widths[0], -1, 1).toArray();
        Polytope p = Polytope.of(net, net.pattern(x));
        for (double s : p.slack(x)) {
          assertTrue(s >= -1e-12, "x is inside its own region: slack " + s);
        }
        double[] expected = net.evaluate(x).output();
        double[] mapped = p.map(x);
        for (int o = 0; o < expected.length; o++) {
          assertEquals(expected[o], mapped[o], 1e-9 * Math.max(1, Math.abs(expected[o])));
        }
        assertArrayEquals(net.jacobian(x), p.mapWeight(), "J_s is the Jacobian at x");
      }
    }
  }

  @Test
  void chebyshevBallOfAQuadrantInABox() {
    // z1 = x, z2 = y with both bits on: the quadrant x, y >= 0; in [-1,1]^2 that is [0,1]^2.
    MlpWeights net = new MlpWeights(new double[][][] {{{1, 0}, {0, 1}}, {{1, 1}}}, new double[][] {{0, 0}, {0}});
    ChebyshevBall ball = ChebyshevBall.of(Polytope.of(net, new long[] {3}), new double[] {-1, -1}, new double[] {1, 1});
    assertEquals(0.5, ball.radius(), 1e-9);
    assertArrayEquals(new double[] {0.5, 0.5}, ball.centre(), 1e-9);
  }

  @Test
  void referenceFacetsDropRedundantRows() {
    // Units x, y, x + y + 5 and x - 3: on x, y >= 0 the third (x + y >= -5) is redundant; with bit 3
    // off (x <= 3) the region is 0 <= x <= 3, y >= 0: facets are rows 0, 1 and 3.
    MlpWeights net = new MlpWeights(new double[][][] {{{1, 0}, {0, 1}, {1, 1}, {1, 0}}, {{1, 1, 1, 1}}},
        new double[][] {{0, 0, 5, -3}, {0}});
    Polytope p = Polytope.of(net, new long[] {0b0111});
    assertArrayEquals(new int[] {0, 1, 3}, Facets.referenceLp(p));
    // XOR region 10 is the strip between two parallel lines: both rows are facets.
    assertArrayEquals(new int[] {0, 1}, Facets.referenceLp(Polytope.of(XOR, new long[] {1})));
  }

  @Test
  void flippingAnActiveBitGivesANonEmptyNeighbourAcrossASharedFacet() {
    MlpWeights net = TestModels.random(77, 2, 12, 10, 2);
    double[] lo = {-4, -4};
    double[] hi = {4, 4};
    Random random = new Random(2);
    int checked = 0;
    for (int trial = 0; trial < 6; trial++) {
      double[] x = random.doubles(2, -1, 1).toArray();
      Polytope p = Polytope.of(net, net.pattern(x));
      int[] active = Facets.referenceLp(p);
      assertTrue(active.length >= 1, "a region in a bounded network has a facet");
      long[][] neighbours = Facets.neighbours(p, active);
      for (int f = 0; f < active.length; f++) {
        Polytope q = Polytope.of(net, neighbours[f]);
        double inner = ChebyshevBall.of(q, null, null).radius();
        assertTrue(inner > 0, "neighbour across row " + active[f] + " is non-empty: r = " + inner);
        ChebyshevBall facet = ChebyshevBall.ofSharedFacet(p, q, active[f], lo, hi);
        if (Double.isFinite(facet.radius()) && boxContains(lo, hi, facet)) {
          assertTrue(facet.radius() > 0, "row " + active[f] + " is a common facet: r = " + facet.radius());
          checked++;
        }
      }
    }
    assertTrue(checked > 10, "facets checked: " + checked);
  }

  /** Row by row with delta 0, which also equates -0.0 and 0.0. */
  private static void assertRows(double[][] expected, double[][] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertArrayEquals(expected[i], actual[i], 0.0);
    }
  }

  private static boolean boxContains(double[] lo, double[] hi, ChebyshevBall ball) {
    return Arrays.stream(ball.centre()).allMatch(v -> v > lo[0] && v < hi[0]);
  }
}
