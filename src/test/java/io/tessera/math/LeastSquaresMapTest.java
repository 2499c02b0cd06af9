package io.tessera.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LeastSquaresMapTest {
  @Test
  void recoversAnExactMapFromFullRankData() {
    Random random = new Random(1);
    double[][] c = gaussian(random, 60, 6);
    double[][] truth = gaussian(random, 6, 4);
    LeastSquaresMap s = LeastSquaresMap.of(gram(c, c), 0, 1e-12);
    assertEquals(6, s.rank());
    assertClose(truth, s.map(gram(c, multiply(c, truth))), 1e-9);
    // The same factorisation maps C onto a second target.
    double[][] other = gaussian(random, 6, 3);
    assertClose(other, s.map(gram(c, multiply(c, other))), 1e-9);
  }

  @Test
  void rankDeficientDataGetTheMinimumNormSolution() {
    Random random = new Random(2);
    double[][] base = gaussian(random, 50, 3);
    double[][] c = new double[50][5];
    for (int i = 0; i < 50; i++) {
      // Columns 3 and 4 repeat columns 0 and 1: rank 3.
      c[i] = new double[] {base[i][0], base[i][1], base[i][2], base[i][0], base[i][1]};
    }
    double[][] truth = gaussian(random, 5, 2);
    double[][] d = multiply(c, truth);
    LeastSquaresMap solver = LeastSquaresMap.of(gram(c, c), 0, 1e-10);
    assertEquals(3, solver.rank());
    double[][] map = solver.map(gram(c, d));
    assertClose(d, multiply(c, map), 1e-9);
    // Minimum norm: the duplicated columns share their weight equally.
    for (int q = 0; q < 2; q++) {
      assertEquals(map[0][q], map[3][q], 1e-9);
      assertEquals(map[1][q], map[4][q], 1e-9);
    }
    assertTrue(norm(map) <= norm(truth) + 1e-9);
    LeastSquaresMap ridge = LeastSquaresMap.of(gram(c, c), 1e-6, 0);
    assertClose(d, multiply(c, ridge.map(gram(c, d))), 1e-4);
  }

  private static double[][] gaussian(Random random, int rows, int cols) {
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = random.nextGaussian();
      }
    }
    return m;
  }

  /** a^T b. */
  private static double[][] gram(double[][] a, double[][] b) {
    double[][] g = new double[a[0].length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int r = 0; r < a[0].length; r++) {
        for (int c = 0; c < b[0].length; c++) {
          g[r][c] += a[i][r] * b[i][c];
        }
      }
    }
    return g;
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    double[][] m = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < b.length; k++) {
        for (int j = 0; j < b[0].length; j++) {
          m[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return m;
  }

  private static double norm(double[][] m) {
    double s = 0;
    for (double[] row : m) {
      for (double v : row) {
        s += v * v;
      }
    }
    return Math.sqrt(s);
  }

  private static void assertClose(double[][] expected, double[][] actual, double tol) {
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[0].length; j++) {
        assertEquals(expected[i][j], actual[i][j], tol * Math.max(1, Math.abs(expected[i][j])), "(" + i + ", " + j + ")");
      }
    }
  }
}
