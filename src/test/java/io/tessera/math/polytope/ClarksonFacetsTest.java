package io.tessera.math.polytope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TestModels;
import io.tessera.math.MlpWeights;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The production facet method must return exactly the reference LP's set. */
class ClarksonFacetsTest {
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
        assertArrayEquals(reference, ClarksonFacets.find(p), "network " + java.util.Arrays.toString(widths) + ", trial " + trial);
        regions++;
        facets += reference.length;
      }
    }
    assertTrue(facets < regions * 60, "most rows are redundant, which is what makes the method pay: " + facets + " facets");
  }

  @Test
  void handlesRedundantDuplicateAndUnboundedRows() {
    // Redundant x + y >= -5 and an upper bound x <= 3: facets 0, 1, 3 (as in the reference test).
    MlpWeights redundant = new MlpWeights(new double[][][] {{{1, 0}, {0, 1}, {1, 1}, {1, 0}}, {{1, 1, 1, 1}}},
        new double[][] {{0, 0, 5, -3}, {0}});
    Polytope p = Polytope.of(redundant, new long[] {0b0111});
    assertArrayEquals(Facets.referenceLp(p), ClarksonFacets.find(p));
    // Two copies of x >= 0 and y >= 0: the per-row reference drops both copies; Clarkson must agree.
    MlpWeights duplicated = new MlpWeights(new double[][][] {{{1, 0}, {1, 0}, {0, 1}}, {{1, 1, 1}}}, new double[][] {{0, 0, 0}, {0}});
    Polytope q = Polytope.of(duplicated, new long[] {0b111});
    assertArrayEquals(Facets.referenceLp(q), ClarksonFacets.find(q));
    // The XOR strip and half-planes.
    for (long s : new long[] {0, 1, 3}) {
      Polytope xor = Polytope.of(PolytopeTest.XOR, new long[] {s});
      assertArrayEquals(Facets.referenceLp(xor), ClarksonFacets.find(xor), "XOR pattern " + s);
    }
    assertThrows(IllegalArgumentException.class, () -> ClarksonFacets.find(Polytope.of(PolytopeTest.XOR, new long[] {2})));
  }
}
