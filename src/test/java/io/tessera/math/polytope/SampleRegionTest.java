package io.tessera.math.polytope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SampleRegionTest {
  @Test
  void aSampleOnAHyperplaneIsMeasuredOnItsRegionsBoundary() {
    // (-1, 1) has z2 = x + y = 0 exactly: pattern 10, the strip -1 <= x + y <= 0
    // (docs/methods/polytopes-and-regions.md, Worked example: the XOR network).
    SampleRegion r = SampleRegion.of(PolytopeTest.XOR, new double[] {-1, 1}, new double[] {-2, -2}, new double[] {2, 2});
    assertEquals(0, r.margin());
    assertEquals(0, r.facetDistance(), 1e-15);
    assertArrayEquals(new int[] {0, 1}, r.facets());
    assertEquals(Math.sqrt(2) / 4, r.radius(), 1e-9, "the strip's half-width");
  }

  @Test
  void anInteriorSampleGetsItsDistanceToTheNearestFacet() {
    // (1, 1): pattern 11, x + y >= 0; the facet x + y = 0 is sqrt(2) away.
    SampleRegion r = SampleRegion.of(PolytopeTest.XOR, new double[] {1, 1}, null, null);
    assertEquals(Math.sqrt(2), r.facetDistance(), 1e-12);
    assertArrayEquals(new int[] {1}, r.facets());
    assertEquals(Double.POSITIVE_INFINITY, r.radius());
    assertEquals(2, r.margin(), 1e-12, "z = (3, 2)");
  }

  @Test
  void withoutFacetsTheBallAndTheDistanceAreUnchanged() {
    for (double[] x : new double[][] {{-1, 1}, {1, 1}, {0.3, -0.2}, {-1.5, -0.7}}) {
      SampleRegion full = SampleRegion.of(PolytopeTest.XOR, x, new double[] {-2, -2}, new double[] {2, 2});
      SampleRegion ball = SampleRegion.withoutFacets(PolytopeTest.XOR, x, new double[] {-2, -2}, new double[] {2, 2});
      assertNull(ball.facets());
      assertEquals(full.radius(), ball.radius());
      assertEquals(full.centreNorm(), ball.centreNorm());
      assertEquals(full.facetDistance(), ball.facetDistance());
      assertEquals(full.margin(), ball.margin());
    }
  }
}
