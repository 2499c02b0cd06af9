package io.tessera.math.simplex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The walk's maxima against closed forms and against an independent slow method: every vertex of
 * P without row k, by solving each r-subset of the other rows, on small bounded polytopes.
 */
class VertexWalkTest {
  private static final double INFINITE = Double.POSITIVE_INFINITY;

  @Test
  void maximaMatchVertexEnumerationOnRandomBoxedPolytopes() {
    Random random = new Random(3);
    int compared = 0;
    int cutting = 0;
    for (int trial = 0; trial < 12; trial++) {
      int r = 2 + trial % 3;
      List<double[]> rows = new ArrayList<>();
      List<Double> bounds = new ArrayList<>();
      box(rows, bounds, r, 1);
      box(rows, bounds, r, 50); // keeps P without any one row bounded, so every maximum is a vertex's
      for (int extra = 0; extra < 7; extra++) {
        rows.add(random.doubles(r, -1, 1).toArray());
        bounds.add(0.2 + random.nextDouble());
      }
      double[][] a = rows.toArray(double[][]::new);
      double[] c = bounds.stream().mapToDouble(Double::doubleValue).toArray();
      VertexWalk walk = VertexWalk.from(a, c, new double[r], a[a.length - 1]);
      for (int k = 0; k < a.length; k++) {
        double expected = enumeratedMaximum(a, c, k);
        assertEquals(expected, walk.maximum(k, INFINITE, 1000), 1e-9 * Math.max(1, Math.abs(expected)), "trial " + trial + ", row " + k);
        compared++;
        cutting += expected > c[k] + 1e-9 ? 1 : 0;
      }
    }
    assertTrue(cutting > 20 && cutting < compared - 20, "both facets and redundant rows: " + cutting + " of " + compared);
  }

  @Test
  void aDegenerateApexWithManyTightRows() {
    // Twelve rows through the apex (0, 0, 1) of a pyramid over z >= -1, plus a box: the apex is a
    // vertex with twelve tight rows in three dimensions, where a simplex can stall (the outer box
    // keeps every relaxation bounded).
    List<double[]> rows = new ArrayList<>();
    List<Double> bounds = new ArrayList<>();
    for (int j = 0; j < 12; j++) {
      double angle = 2 * Math.PI * j / 12;
      rows.add(new double[] {Math.cos(angle), Math.sin(angle), 1});
      bounds.add(1.0);
    }
    box(rows, bounds, 3, 2);
    box(rows, bounds, 3, 50);
    double[][] a = rows.toArray(double[][]::new);
    double[] c = bounds.stream().mapToDouble(Double::doubleValue).toArray();
    VertexWalk walk = VertexWalk.from(a, c, new double[] {0, 0, -0.5}, new double[] {0, 0, 1});
    for (int k = 0; k < a.length; k++) {
      double expected = enumeratedMaximum(a, c, k);
      assertEquals(expected, walk.maximum(k, INFINITE, 1000), 1e-9, "row " + k);
    }
  }

  @Test
  void theSimplexClosedFormAndUnboundedRelaxations() {
    // P = {x >= 0, x1 + x2 + x3 <= 1}: max a . x over P is max(0, max_i a_i); dropping the sum row
    // leaves the orthant, and dropping x1 >= 0 lets x1 run to minus infinity.
    double[][] a = {{-1, 0, 0}, {0, -1, 0}, {0, 0, -1}, {1, 1, 1}};
    double[] c = {0, 0, 0, 1};
    VertexWalk walk = VertexWalk.from(a, c, new double[] {0.2, 0.2, 0.2}, new double[] {1, 2, 3});
    assertEquals(INFINITE, walk.maximum(3, INFINITE, 100));
    assertEquals(INFINITE, walk.maximum(0, INFINITE, 100));
    double[][] withObjectives = {{-1, 0, 0}, {0, -1, 0}, {0, 0, -1}, {1, 1, 1}, {0.3, -2, 0.7}, {-1, -1, -0.5}};
    double[] bounds = {0, 0, 0, 1, 5, 5};
    VertexWalk second = VertexWalk.from(withObjectives, bounds, new double[] {0.2, 0.2, 0.2}, new double[] {1, 0, 0});
    assertEquals(0.7, second.maximum(4, INFINITE, 100), 1e-12);
    assertEquals(0, second.maximum(5, INFINITE, 100), 1e-12);
  }

  @Test
  void stopsOnceAVertexPassesTheBoundAndGivesUpAtTheCap() {
    Random random = new Random(5);
    List<double[]> rows = new ArrayList<>();
    List<Double> bounds = new ArrayList<>();
    box(rows, bounds, 4, 1);
    for (int extra = 0; extra < 10; extra++) {
      rows.add(random.doubles(4, -1, 1).toArray());
      bounds.add(0.3);
    }
    double[][] a = rows.toArray(double[][]::new);
    double[] c = bounds.stream().mapToDouble(Double::doubleValue).toArray();
    VertexWalk walk = VertexWalk.from(a, c, new double[4], a[0]);
    int stoppedEarly = 0;
    for (int k = 0; k < a.length; k++) {
      double max = walk.maximum(k, INFINITE, 1000);
      if (max > c[k]) {
        double early = walk.maximum(k, c[k], 1000);
        assertTrue(early > c[k] && early <= max + 1e-12, "row " + k + ": " + early + " in (" + c[k] + ", " + max + "]");
        stoppedEarly += early < max - 1e-9 ? 1 : 0;
      }
    }
    assertTrue(stoppedEarly > 0, "some test ended before the optimum");
    long before = walk.pivots();
    boolean capped = false;
    for (int k = 0; k < a.length && !capped; k++) {
      capped = Double.isNaN(walk.maximum(k, INFINITE, 0));
    }
    assertTrue(capped, "a test that needs a pivot gives up at a cap of zero");
    assertEquals(before, walk.pivots());
  }

  @Test
  void refusesRowsThatLeaveALineInside() {
    double[][] strip = {{1, 0}, {-1, 0}};
    assertThrows(IllegalArgumentException.class, () -> VertexWalk.from(strip, new double[] {1, 1}, new double[2], new double[] {0, 1}));
  }

  /** Rows of the box [-half, half]^r. */
  private static void box(List<double[]> rows, List<Double> bounds, int r, double half) {
    for (int i = 0; i < r; i++) {
      for (double sign : new double[] {1, -1}) {
        double[] row = new double[r];
        row[i] = sign;
        rows.add(row);
        bounds.add(half);
      }
    }
  }

  /** max a_k . x over the vertices of {a_j . x <= c_j, j != k}, each r-subset of rows solved directly. */
  private static double enumeratedMaximum(double[][] a, double[] c, int k) {
    int r = a[0].length;
    double best = Double.NEGATIVE_INFINITY;
    int[] subset = new int[r];
    for (int i = 0; i < r; i++) {
      subset[i] = i;
    }
    while (subset != null) {
      double[] x = solve(a, c, subset, k);
      if (x != null && feasible(a, c, x, k)) {
        double value = 0;
        for (int i = 0; i < r; i++) {
          value += a[k][i] * x[i];
        }
        best = Math.max(best, value);
      }
      subset = next(subset, a.length);
    }
    return best;
  }

  private static double[] solve(double[][] a, double[] c, int[] subset, int k) {
    int r = subset.length;
    DMatrixRMaj m = new DMatrixRMaj(r, r);
    DMatrixRMaj rhs = new DMatrixRMaj(r, 1);
    for (int p = 0; p < r; p++) {
      if (subset[p] == k) {
        return null;
      }
      for (int i = 0; i < r; i++) {
        m.set(p, i, a[subset[p]][i]);
      }
      rhs.set(p, 0, c[subset[p]]);
    }
    if (Math.abs(CommonOps_DDRM.det(m)) < 1e-10) {
      return null;
    }
    DMatrixRMaj x = new DMatrixRMaj(r, 1);
    CommonOps_DDRM.solve(m, rhs, x);
    return x.data;
  }

  private static boolean feasible(double[][] a, double[] c, double[] x, int k) {
    for (int j = 0; j < a.length; j++) {
      double ax = 0;
      for (int i = 0; i < x.length; i++) {
        ax += a[j][i] * x[i];
      }
      if (j != k && ax > c[j] + 1e-9) {
        return false;
      }
    }
    return true;
  }

  /** The next r-subset of {0..n-1} in lexicographic order, or null after the last. */
  private static int[] next(int[] subset, int n) {
    int r = subset.length;
    int i = r - 1;
    while (i >= 0 && subset[i] == n - r + i) {
      i--;
    }
    if (i < 0) {
      return null;
    }
    subset[i]++;
    for (int j = i + 1; j < r; j++) {
      subset[j] = subset[j - 1] + 1;
    }
    return subset;
  }
}
