package io.tessera.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TestModels;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentCrossingsTest {
  /**
   * Sattelberg et al.'s XOR net (their eq. 2; docs/methods/polytopes-and-regions.md, Worked
   * example: the XOR network): z1 = x+y+1, z2 = x+y.
   */
  private static final MlpWeights XOR = new MlpWeights(
      new double[][][] {{{1, 1}, {1, 1}}, {{2, -4}}},
      new double[][] {{1, 0}, {-1}});

  @Test
  void xorDiagonalCrossesBothLinesAtAQuarterAndAHalf() {
    double[] p = {-1, -1};
    double[] q = {1, 1};
    SegmentCrossings.Exact exact = SegmentCrossings.exact(XOR, p, q);
    // z1(t) = 4t - 1 and z2(t) = 4t - 2: both roots are exact binary fractions.
    assertArrayEquals(new double[] {0.25, 0.5}, exact.crossings(), 0);
    assertEquals(3, exact.regions());
    assertArrayEquals(new long[][] {{0b00}, {0b01}, {0b11}}, exact.regionPatterns());
    assertArrayEquals(new int[][] {{0}, {1}}, exact.flippedBits());
    assertEquals(0, exact.multiBitCrossings());
    assertEquals(2, exact.endpointHamming());
    assertEquals(3, SegmentCrossings.bisection(XOR, p, q).regions());
    assertWellFormed(XOR, p, q, exact);
  }

  @Test
  void aPointOrASegmentInsideOneRegionMeetsOneRegion() {
    double[] p = {-1, -1};
    for (double[] q : new double[][] {p.clone(), {-2, -1.5}}) {
      SegmentCrossings.Exact exact = SegmentCrossings.exact(XOR, p, q);
      assertEquals(1, exact.regions());
      assertEquals(0, exact.crossings().length);
      assertEquals(0, exact.endpointHamming());
      assertWellFormed(XOR, p, q, exact);
      SegmentCrossings.Bisection bisection = SegmentCrossings.bisection(XOR, p, q);
      assertEquals(1, bisection.regions());
      assertEquals(0, bisection.deltas().length);
    }
    MlpWeights net = TestModels.random(21, 3, 16, 16, 16);
    double[] x = {0.3, -0.2, 0.7};
    assertEquals(1, SegmentCrossings.exact(net, x, x.clone()).regions());
  }

  @Test
  void exactCountMatchesDenseSamplingOnSmallNets() {
    int samples = 200_000;
    int crossings = 0;
    int[][] architectures = {{2, 12, 12}, {2, 8, 8, 8}, {3, 16, 16, 16}};
    for (int n = 0; n < architectures.length; n++) {
      int[] architecture = architectures[n];
      MlpWeights net = TestModels.random(100 + n, architecture);
      Random random = new Random(200 + n);
      for (int pair = 0; pair < 5; pair++) {
        // Endpoints spread 3x wider than the data scale, so each segment meets many regions.
        double[] p = scale(3, gaussian(random, net.inputDim()));
        double[] q = scale(3, gaussian(random, net.inputDim()));
        SegmentCrossings.Exact exact = SegmentCrossings.exact(net, p, q);
        assertWellFormed(net, p, q, exact);
        // The grid can only count crossings at least one spacing apart; on these pairs they are.
        assertTrue(minimumGap(exact.crossings()) > 1.0 / samples, "grid too coarse for " + Arrays.toString(architecture) + " pair " + pair);
        Sampled sampled = sample(net, p, q, exact, samples);
        assertEquals(exact.crossings().length, sampled.changes(), Arrays.toString(architecture) + " pair " + pair);
        assertEquals(0, sampled.mismatches(), "samples whose pattern is not their region's");
        crossings += exact.crossings().length;
      }
    }
    assertTrue(crossings >= 5 * 15, "only " + crossings + " crossings on 15 segments");
  }

  @Test
  void crossingsAreWellFormedOnDeeperRandomNets() {
    MlpWeights net = TestModels.random(31, 5, 24, 24, 24, 24, 3);
    Random random = new Random(32);
    for (int pair = 0; pair < 40; pair++) {
      double[] p = gaussian(random, 5);
      double[] q = gaussian(random, 5);
      SegmentCrossings.Exact exact = SegmentCrossings.exact(net, p, q);
      assertWellFormed(net, p, q, exact);
      assertTrue(exact.regions() >= exact.endpointHamming() + 1);
      if (exact.multiBitCrossings() == 0) {
        // With single-bit crossings a unit that differs at the ends switches an odd number of times.
        assertEquals(0, (exact.regions() - 1 - exact.endpointHamming()) % 2);
      }
    }
  }

  @Test
  void bisectionNeverExceedsTheExactCountAndMatchesItWhenNoUnitSwitchesBack() {
    MlpWeights net = TestModels.random(41, 3, 16, 16, 16, 16);
    Random random = new Random(42);
    int below = 0;
    int monotone = 0;
    for (int pair = 0; pair < 60; pair++) {
      double[] p = gaussian(random, 3);
      double[] q = gaussian(random, 3);
      SegmentCrossings.Exact exact = SegmentCrossings.exact(net, p, q);
      SegmentCrossings.Bisection bisection = SegmentCrossings.bisection(net, p, q);
      assertEquals(exact.endpointHamming(), bisection.endpointHamming());
      assertTrue(bisection.regions() <= exact.regions());
      assertStrictlyIncreasingIn(bisection.deltas(), 0, 1);
      if (exact.crossings().length == exact.endpointHamming() && exact.multiBitCrossings() == 0) {
        // Every unit switches at most once, so a one-bit step cannot hide a crossing.
        assertEquals(exact.regions(), bisection.regions());
        monotone++;
      }
      below += bisection.regions() < exact.regions() ? 1 : 0;
    }
    // Bisection undercounts a sizeable share of paths on such a net
    // (docs/methods/patterns-hamming-perturbations.md, Algorithm 2 as implemented): both branches
    // above must be exercised.
    assertTrue(below > 0 && monotone > 0, below + " undercounts, " + monotone + " monotone paths");
  }

  @Test
  void bothMethodsAgreeOnNearbyPairsOfToyNets() {
    MlpWeights[] nets = {XOR, TestModels.random(51, 2, 6, 6), TestModels.random(52, 2, 8, 8, 8)};
    Random random = new Random(53);
    int searched = 0;
    for (MlpWeights net : nets) {
      for (int pair = 0; pair < 50; pair++) {
        // Neighbours about 0.8 apart, where Algorithm 2 is exact on every pair: a few paths switch a
        // unit off and on again, but far enough apart for a probe to land in between.
        double[] p = gaussian(random, 2);
        double[] q = p.clone();
        for (int i = 0; i < 2; i++) {
          q[i] += 0.8 * random.nextGaussian();
        }
        SegmentCrossings.Exact exact = SegmentCrossings.exact(net, p, q);
        assertEquals(exact.regions(), SegmentCrossings.bisection(net, p, q).regions(), Arrays.toString(p) + " -> " + Arrays.toString(q));
        searched += exact.endpointHamming() > 1 ? 1 : 0;
      }
    }
    assertTrue(searched >= 30, "only " + searched + " pairs made the bisection search");
  }

  @Test
  void bisectionMissesAUnitThatSwitchesOnAndOffWithinOneStep() {
    // On [0, 1] with x = t: layer 1 is a = x - 0.1, b = x - 0.2, w = x - 0.4, v = x - 0.7; layer 2 is
    // u = 20 relu(a) - 30 relu(b) - 1, on for x in (0.15, 0.3). Six single-bit crossings, seven regions,
    // but Algorithm 2's second step (0.125 -> 0.34375) sees only b switch: it counts five.
    MlpWeights net = new MlpWeights(
        new double[][][] {{{1}, {1}, {1}, {1}}, {{20, -30, 0, 0}}, {{1}}},
        new double[][] {{-0.1, -0.2, -0.4, -0.7}, {-1}, {0}});
    double[] p = {0};
    double[] q = {1};
    SegmentCrossings.Exact exact = SegmentCrossings.exact(net, p, q);
    assertArrayEquals(new double[] {0.1, 0.15, 0.2, 0.3, 0.4, 0.7}, exact.crossings(), 1e-15);
    assertArrayEquals(new int[][] {{0}, {4}, {1}, {4}, {2}, {3}}, exact.flippedBits());
    assertEquals(7, exact.regions());
    assertEquals(4, exact.endpointHamming());
    SegmentCrossings.Bisection bisection = SegmentCrossings.bisection(net, p, q);
    assertArrayEquals(new double[] {0.125, 0.34375, 0.671875}, bisection.deltas(), 0);
    assertEquals(5, bisection.regions());
    assertWellFormed(net, p, q, exact);
  }

  @Test
  void twoUnitsOnOneHyperplaneSwitchTogetherInOneMultiBitCrossing() {
    // Units 0 and 1 share the line x + 2y = 0.5 (unit 1 is unit 0 times 3, which is not exact in
    // floating point, so their computed roots differ by rounding and must be merged); unit 2 is x = 0.3.
    MlpWeights net = new MlpWeights(
        new double[][][] {{{1, 2}, {3, 6}, {1, 0}}, {{1, 1, 1}}},
        new double[][] {{-0.5, -1.5, -0.3}, {0}});
    double[] p = {-0.7, -0.4};
    double[] q = {0.9, 0.8};
    SegmentCrossings.Exact exact = SegmentCrossings.exact(net, p, q);
    assertEquals(1, exact.multiBitCrossings());
    assertEquals(3, exact.regions());
    assertArrayEquals(new int[][] {{0, 1}, {2}}, exact.flippedBits());
    assertEquals(3, exact.endpointHamming());
    assertWellFormed(net, p, q, exact);

    double[] r = {-0.5, -0.5};
    double[] s = {0.2, 0.9};
    SegmentCrossings.Bisection bisection = SegmentCrossings.bisection(net, r, s);
    assertEquals(1, bisection.multiBitEvents());
    assertEquals(2, bisection.regions());
    assertEquals(2, SegmentCrossings.exact(net, r, s).regions());
  }

  @Test
  void bisectionCountsOneOrTwoRegionsWhenTheEndsDifferInAtMostOneBit() {
    SegmentCrossings.Bisection one = SegmentCrossings.bisection(XOR, new double[] {-1, -1}, new double[] {-0.3, -0.4});
    assertEquals(1, one.endpointHamming());
    assertEquals(0, one.deltas().length);
    assertEquals(2, one.regions());
  }

  /** The invariants of an exact path, checked against independent forward passes. */
  private static void assertWellFormed(MlpWeights net, double[] p, double[] q, SegmentCrossings.Exact exact) {
    int regions = exact.regions();
    assertEquals(regions - 1, exact.crossings().length);
    assertEquals(regions - 1, exact.flippedBits().length);
    assertEquals(regions, exact.interiorPoints().length);
    assertStrictlyIncreasingIn(exact.crossings(), 0, 1);
    assertEquals(BitPatterns.hamming(net.pattern(p), net.pattern(q)), exact.endpointHamming());
    int multiBit = 0;
    for (int i = 0; i + 1 < regions; i++) {
      assertArrayEquals(exact.flippedBits()[i], BitPatterns.differingBits(exact.regionPatterns()[i], exact.regionPatterns()[i + 1]));
      assertTrue(exact.flippedBits()[i].length > 0, "consecutive regions differ");
      multiBit += exact.flippedBits()[i].length > 1 ? 1 : 0;
    }
    assertEquals(multiBit, exact.multiBitCrossings());
    double[] bounds = new double[regions + 1];
    System.arraycopy(exact.crossings(), 0, bounds, 1, regions - 1);
    bounds[regions] = 1;
    for (int i = 0; i < regions; i++) {
      double t = exact.interiorPoints()[i];
      assertTrue(bounds[i] < t && t < bounds[i + 1], "interior point inside its region");
      assertArrayEquals(exact.regionPatterns()[i], net.pattern(along(p, q, t)), "pattern at the interior point of region " + i);
    }
  }

  private static void assertStrictlyIncreasingIn(double[] values, double lo, double hi) {
    double previous = lo;
    for (double v : values) {
      assertTrue(v > previous && v < hi, Arrays.toString(values));
      previous = v;
    }
  }

  private record Sampled(int changes, int mismatches) {}

  /**
   * Samples t = i/n, i = 0..n: counts pattern changes between consecutive samples, and samples whose
   * pattern is not the exact region's. Samples within 1e-9 of a crossing are not compared: there a
   * pre-activation is below ~1e-9 in magnitude, close enough to 0 for the rounding of two different
   * ways of computing x(t) to matter in principle (they differ by ~1e-16, so 1e-9 is generous).
   */
  private static Sampled sample(MlpWeights net, double[] p, double[] q, SegmentCrossings.Exact exact, int n) {
    double[] crossings = exact.crossings();
    int changes = 0;
    int mismatches = 0;
    long[] previous = null;
    for (int i = 0; i <= n; i++) {
      double t = (double) i / n;
      long[] pattern = net.pattern(along(p, q, t));
      if (previous != null && !Arrays.equals(previous, pattern)) {
        changes++;
      }
      previous = pattern;
      int at = Arrays.binarySearch(crossings, t);
      int region = at >= 0 ? at : -at - 1;
      boolean nearCrossing = (region > 0 && t - crossings[region - 1] < 1e-9)
          || (region < crossings.length && crossings[region] - t < 1e-9);
      if (!nearCrossing && !Arrays.equals(pattern, exact.regionPatterns()[region])) {
        mismatches++;
      }
    }
    return new Sampled(changes, mismatches);
  }

  private static double minimumGap(double[] crossings) {
    double gap = Double.POSITIVE_INFINITY;
    for (int i = 0; i + 1 < crossings.length; i++) {
      gap = Math.min(gap, crossings[i + 1] - crossings[i]);
    }
    return gap;
  }

  /** P + t(Q - P), written independently of the class under test. */
  private static double[] along(double[] p, double[] q, double t) {
    double[] x = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      x[i] = p[i] + t * (q[i] - p[i]);
    }
    return x;
  }

  private static double[] scale(double factor, double[] x) {
    for (int i = 0; i < x.length; i++) {
      x[i] *= factor;
    }
    return x;
  }

  private static double[] gaussian(Random random, int dim) {
    double[] x = new double[dim];
    for (int i = 0; i < dim; i++) {
      x[i] = random.nextGaussian();
    }
    return x;
  }
}
