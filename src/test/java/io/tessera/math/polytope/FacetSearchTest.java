package io.tessera.math.polytope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TestModels;
import io.tessera.math.MlpWeights;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The production facet method must return exactly the reference LP's set. */
class FacetSearchTest {
  @Test
  void agreesWithTheReferenceOnRandomRegions() {
    Random random = new Random(12);
    int regions = 0;
    int facets = 0;
    for (int[] widths : new int[][] {{2, 12, 10, 1}, {3, 16, 16, 16, 2}, {6, 20, 20, 3}, {20, 30, 30, 30, 5}}) {
      MlpWeights net = TestModels.random(widths.length * 101L + widths[0], widths);
      for (int trial = 0; trial < 4; trial++) {
        double[] x = random.doubles(widths[0], -1, 1).toArray();
        Polytope p = Polytope.of(net, net.pattern(x));
        int[] reference = Facets.referenceLp(p);
        assertArrayEquals(reference, FacetSearch.find(p), "network " + java.util.Arrays.toString(widths) + ", trial " + trial);
        regions++;
        facets += reference.length;
      }
    }
    assertTrue(facets < regions * 60, "most rows are redundant, which is what makes the method pay: " + facets + " facets");
  }

  @Test
  void progressReportsCountUpToTheResult() {
    int[] widths = {20, 30, 30, 30, 5};
    MlpWeights net = TestModels.random(7, widths);
    Polytope p = Polytope.of(net, net.pattern(new Random(8).doubles(widths[0], -1, 1).toArray()));
    java.util.List<int[]> reports = new java.util.ArrayList<>();
    int[] facets = FacetSearch.find(p, null, new FacetProgress.Clock((decided, rows, found, lps, seconds) -> reports.add(new int[] {decided, rows, found, lps}), 0));
    assertArrayEquals(Facets.referenceLp(p), facets, "reporting changes nothing");
    assertTrue(reports.size() > 10, "a report at every step: " + reports.size());
    int[] last = {0, 0, 0, 0};
    for (int[] r : reports) {
      assertEquals(p.rows(), r[1]);
      assertTrue(r[0] >= last[0] && r[2] >= last[2] && r[3] >= last[3], "counts only grow");
      assertTrue(r[2] <= facets.length && r[0] <= p.rows() && r[2] <= r[0], "facets found are decided rows, and no more than the answer");
      last = r;
    }
    assertTrue(last[3] > 0, "the LP phase ran and was counted");
  }

  @Test
  void agreesOnLargerRegionsWhereAimedRaysCertifyMostFacets() {
    int[] widths = {40, 60, 60, 60, 4};
    MlpWeights net = TestModels.random(93, widths);
    Random random = new Random(94);
    for (int trial = 0; trial < 3; trial++) {
      double[] x = random.doubles(widths[0], -1, 1).toArray();
      Polytope p = Polytope.of(net, net.pattern(x));
      assertArrayEquals(Facets.referenceLp(p), FacetSearch.find(p), "trial " + trial);
    }
  }

  @Test
  void agreesWhenTheRowsSpanLessThanTheInputSpace() {
    // A first layer narrower than the input (as on MNIST-sized nets): the method and the
    // reference written in the span (Facets.referenceLpInSpan) work in the 8-dimensional span of
    // the rows, and must still give the full reference's set, from the Chebyshev centre and
    // from the sample itself.
    int[] widths = {24, 8, 12, 12, 2};
    MlpWeights net = TestModels.random(77, widths);
    Random random = new Random(78);
    int deeper = 0;
    for (int trial = 0; trial < 4; trial++) {
      double[] x = random.doubles(widths[0], -1, 1).toArray();
      Polytope p = Polytope.of(net, net.pattern(x));
      assertEquals(8, RowSpace.of(p.a(), p.dim()).rank());
      int[] reference = Facets.referenceLp(p);
      deeper += (int) java.util.Arrays.stream(reference).filter(row -> row >= 8).count();
      assertArrayEquals(reference, Facets.referenceLpInSpan(p), "trial " + trial + ", the reference written in the span");
      assertArrayEquals(reference, FacetSearch.find(p), "trial " + trial);
      assertArrayEquals(reference, FacetSearch.find(p, x), "trial " + trial + " from the sample");
    }
    assertTrue(deeper > 0, "deeper layers contribute facets, not only the first layer's 8 rows");
  }

  @Test
  void rowSpaceKeepsNormsAndSlacks() {
    MlpWeights net = TestModels.random(79, 16, 6, 6, 1);
    double[] x = new Random(80).doubles(16, -1, 1).toArray();
    Polytope p = Polytope.of(net, net.pattern(x));
    RowSpace span = RowSpace.of(p.a(), p.dim());
    double[][] reduced = span.reduceRows(p.a());
    double[] y = span.reduce(x);
    double[] slack = p.slack(x);
    for (int i = 0; i < p.rows(); i++) {
      assertEquals(Polytope.norm(p.a()[i]), Polytope.norm(reduced[i]), 1e-12, "row " + i);
      assertEquals(slack[i], p.c()[i] - RowSpace.dot(reduced[i], y), 1e-12, "row " + i);
      double[] back = span.lift(reduced[i]);
      for (int j = 0; j < back.length; j++) {
        assertEquals(p.a()[i][j], back[j], 1e-12, "row " + i + ", entry " + j);
      }
    }
  }

  @Test
  void rejectsAPointOutsideTheRegion() {
    Polytope p = Polytope.of(PolytopeTest.XOR, new long[] {3}); // x + y >= 0
    assertThrows(IllegalArgumentException.class, () -> FacetSearch.find(p, new double[] {-1, -1}));
  }

  @Test
  void handlesRedundantDuplicateAndUnboundedRows() {
    // Redundant x + y >= -5 and an upper bound x <= 3: facets 0, 1, 3 (as in the reference test).
    MlpWeights redundant = new MlpWeights(new double[][][] {{{1, 0}, {0, 1}, {1, 1}, {1, 0}}, {{1, 1, 1, 1}}},
        new double[][] {{0, 0, 5, -3}, {0}});
    Polytope p = Polytope.of(redundant, new long[] {0b0111});
    assertArrayEquals(Facets.referenceLp(p), FacetSearch.find(p));
    // Two copies of x >= 0 and y >= 0: the per-row reference drops both copies; Clarkson must agree.
    MlpWeights duplicated = new MlpWeights(new double[][][] {{{1, 0}, {1, 0}, {0, 1}}, {{1, 1, 1}}}, new double[][] {{0, 0, 0}, {0}});
    Polytope q = Polytope.of(duplicated, new long[] {0b111});
    assertArrayEquals(Facets.referenceLp(q), FacetSearch.find(q));
    // The XOR strip and half-planes.
    for (long s : new long[] {0, 1, 3}) {
      Polytope xor = Polytope.of(PolytopeTest.XOR, new long[] {s});
      assertArrayEquals(Facets.referenceLp(xor), FacetSearch.find(xor), "XOR pattern " + s);
    }
    assertThrows(IllegalArgumentException.class, () -> FacetSearch.find(Polytope.of(PolytopeTest.XOR, new long[] {2})));
  }

  @Test
  void aRowWithinRoundingOfTheBoundIsLeftToTheLpSolver() {
    // x <= 1 - 1e-6 beside x <= 1: over the other rows x reaches 1, which is the tolerance's bound
    // c + 1e-6 to rounding. The walk hands such a row to GLOP's dual, whose verdict the reference
    // shares; a plain comparison of the walk's value would depend on the last bit.
    double[][] w = {{1, 0}, {1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    double[] b = {-1, -(1 - 1e-6), -1, -1, -1};
    MlpWeights net = new MlpWeights(new double[][][] {w, {{1, 1, 1, 1, 1}}}, new double[][] {b, {0}});
    Polytope p = Polytope.of(net, new long[] {0});
    assertArrayEquals(Facets.referenceLp(p), FacetSearch.find(p));
    assertArrayEquals(Facets.referenceLp(p), FacetSearch.find(p, new double[] {0.5, 0.5}));
  }
}
