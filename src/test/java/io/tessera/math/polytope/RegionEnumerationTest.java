package io.tessera.math.polytope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TestModels;
import io.tessera.math.MlpWeights;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Box-mode Traversal-and-Pruning (Liu et al. Algorithm 1; docs/methods/polytopes-and-regions.md,
 * Enumerating regions (Algorithm 1)) against closed forms, grids and invariants.
 */
class RegionEnumerationTest {
  @Test
  void xorNetworkHasThreeRegionsWithTheirExactAreas() {
    // Lines x + y = -1 and x + y = 0 cut [-2, 2]^2 into a 4.5 triangle, a 3.5 strip and an 8 triangle.
    List<BoxedRegion> regions = ReferenceTraversal.regions(PolytopeTest.XOR, new double[] {0.5, 0.5}, -2, 2);
    assertEquals(3, regions.size());
    double[] areas = regions.stream().mapToDouble(BoxedRegion::measure).sorted().toArray();
    assertArrayEquals(new double[] {3.5, 4.5, 8}, areas, 1e-12);
    for (BoxedRegion r : regions) {
      assertFalse(r.bounded(), "all three XOR regions are unbounded in R^2");
    }
  }

  @Test
  void planarBoundednessAgreesWithTheLinearPrograms() {
    MlpWeights net = TestModels.random(34, 2, 8, 8, 1);
    int bounded = 0;
    int unbounded = 0;
    for (BoxedRegion r : ReferenceTraversal.regions(net, new double[] {0, 0}, -3, 3)) {
      assertEquals(BoxedRegion.isBoundedByLp(r.polytope()), r.bounded(), Arrays.toString(r.polytope().pattern()));
      if (r.bounded()) {
        bounded++;
      } else {
        unbounded++;
      }
    }
    assertTrue(bounded > 0 && unbounded > 0, "both kinds exercised: " + bounded + " bounded, " + unbounded + " unbounded");
    assertFalse(BoxedRegion.isBoundedByLp(Polytope.of(PolytopeTest.XOR, new long[] {1})), "the XOR strip");
    assertTrue(PlanarRegion.isUnbounded(Polytope.of(PolytopeTest.XOR, new long[] {1}).a()), "the XOR strip");
  }

  @Test
  void theExactInscribedCircleAgreesWithTheChebyshevLp() {
    // Two independent routes to eqs. 7-8 in the box: three-edge vertices of the clipped polygon,
    // and GLOP on all rows plus the box (feasibility tolerance about 1e-7).
    MlpWeights net = TestModels.random(21, 2, 16, 16, 1);
    double[] lo = {-4, -4};
    double[] hi = {4, 4};
    List<BoxedRegion> regions = ReferenceTraversal.regions(net, new double[] {0, 0}, -4, 4);
    assertTrue(regions.size() > 100, "enough regions: " + regions.size());
    for (BoxedRegion r : regions) {
      double lp = ChebyshevBall.of(r.polytope(), lo, hi).radius();
      assertEquals(lp, PlanarRegion.clip(r.polytope(), lo, hi).inscribedRadius(), 1e-7 * Math.max(1, lp), Arrays.toString(r.polytope().pattern()));
    }
    // A 3 x 1 rectangle's circle has radius 1/2, wherever along it the centre slides.
    PlanarRegion strip = PlanarRegion.clip(Polytope.of(new MlpWeights(new double[][][] {{{0, 1}}, {{1}}}, new double[][] {{0}, {0}}), new long[] {1}),
        new double[] {0, -1}, new double[] {3, 1});
    assertEquals(0.5, strip.inscribedRadius(), 1e-15);
  }

  @Test
  void planarClippingOfAQuadrant() {
    // x >= 0 and y >= 0 (XOR-free toy: two units, identity first layer) inside [-1, 2]^2.
    MlpWeights net = new MlpWeights(new double[][][] {{{1, 0}, {0, 1}}, {{1, 1}}}, new double[][] {{0, 0}, {0}});
    PlanarRegion r = PlanarRegion.clip(Polytope.of(net, new long[] {0b11}), new double[] {-1, -1}, new double[] {2, 2});
    assertEquals(4.0, r.area(), 1e-12);
    assertArrayEquals(new int[] {0, 1}, r.activeRows());
    assertEquals(4, r.vertices().length);
  }

  @Test
  void areasSumToTheBoxAndTheCountMatchesAFineGridAndAnyStart() {
    MlpWeights net = TestModels.random(31, 2, 6, 6, 1);
    List<BoxedRegion> regions = ReferenceTraversal.regions(net, new double[] {0, 0}, -1, 1);
    double total = regions.stream().mapToDouble(BoxedRegion::measure).sum();
    assertEquals(4.0, total, 4.0 * 1e-9, "areas sum to the box area");
    Set<String> found = patterns(regions);
    assertEquals(regions.size(), found.size(), "each region once");
    assertEquals(found, patterns(RegionTraversal.regions(net, new double[] {0, 0}, -1, 1, RegionTraversal.hashed())),
        "the hashed traversal finds what the list scan finds");
    Set<String> coarse = gridPatterns(net, 50);
    Set<String> fine = gridPatterns(net, 1500);
    assertTrue(found.containsAll(fine), "every grid point lies in an enumerated region");
    assertTrue(coarse.size() <= found.size());
    assertEquals(found.size(), fine.size(), "a fine grid sees every region of a small net");
    for (double[] start : new double[][] {{0.9, -0.9}, {-0.7, 0.3}}) {
      assertEquals(found, patterns(ReferenceTraversal.regions(net, start, -1, 1)), "start " + Arrays.toString(start));
    }
    for (BoxedRegion r : regions) {
      assertTrue(r.radius() > BoxedRegion.EMPTY);
      for (double[] v : r.vertices()) {
        double[] slack = r.polytope().slack(v);
        assertTrue(Arrays.stream(slack).min().orElseThrow() > -1e-9, "vertices satisfy the region's constraints");
      }
    }
  }

  @Test
  void threeDimensionalRegionsCoverEverySamplePoint() {
    MlpWeights net = TestModels.random(32, 3, 5, 5, 1);
    List<BoxedRegion> regions = ReferenceTraversal.regions(net, new double[] {0, 0, 0}, -1, 1);
    Set<String> found = patterns(regions);
    java.util.Random random = new java.util.Random(33);
    for (int i = 0; i < 20_000; i++) {
      double[] x = random.doubles(3, -1, 1).toArray();
      assertTrue(found.contains(Arrays.toString(net.pattern(x))), "point " + Arrays.toString(x));
    }
    for (BoxedRegion r : regions) {
      int[] reference = Facets.referenceLp(BoxedRegion.withBox(r.polytope(), new double[] {-1, -1, -1}, new double[] {1, 1, 1}));
      assertArrayEquals(Arrays.stream(reference).filter(k -> k < r.polytope().rows()).toArray(), r.activeRows());
    }
  }

  private static Set<String> patterns(List<BoxedRegion> regions) {
    return regions.stream().map(r -> Arrays.toString(r.polytope().pattern())).collect(Collectors.toSet());
  }

  private static Set<String> gridPatterns(MlpWeights net, int steps) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i < steps; i++) {
      for (int j = 0; j < steps; j++) {
        double[] x = {-1 + 2 * (i + 0.5) / steps, -1 + 2 * (j + 0.5) / steps};
        out.add(Arrays.toString(net.pattern(x)));
      }
    }
    return out;
  }
}
