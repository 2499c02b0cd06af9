package io.tessera.math.metrics;

import java.util.Arrays;

/**
 * Exact minimum-cost assignment of n rows to n columns (docs/methods/sample-metrics.md, Exact
 * assignment): the shortest-augmenting-path Hungarian method with dual potentials, O(n^3) time and
 * the dense cost matrix in memory. Rows are added one at a time; each grows a Dijkstra-like tree
 * over the columns on reduced costs c(i, j) - u(i) - v(j) >= 0 until it reaches a free column, then
 * flips the path. The potentials keep every reduced cost non-negative and the matched ones 0, which
 * is what makes the final matching optimal. Exact in floating point up to the rounding of the sums.
 */
public final class LinearAssignment {
  /** The optimum: the column assigned to each row, and the total cost. */
  public record Result(int[] columnOfRow, double cost) {}

  private LinearAssignment() {}

  /** A square cost matrix, finite entries; a rectangular one is padded with zero-cost dummies by {@link #solvePadded}. */
  public static Result solve(double[][] cost) {
    int n = cost.length;
    for (double[] row : cost) {
      if (row.length != n) {
        throw new IllegalArgumentException("the cost matrix is " + n + " rows by " + row.length + " columns; it must be square");
      }
      for (double c : row) {
        if (!Double.isFinite(c)) {
          throw new IllegalArgumentException("the cost matrix holds a non-finite entry: " + c);
        }
      }
    }
    // Index 0 is a virtual column that holds the row being inserted; rows and columns are 1-based.
    double[] u = new double[n + 1];
    double[] v = new double[n + 1];
    int[] rowOfColumn = new int[n + 1];
    int[] previous = new int[n + 1];
    double[] reach = new double[n + 1];
    boolean[] inTree = new boolean[n + 1];
    for (int row = 1; row <= n; row++) {
      rowOfColumn[0] = row;
      int column = 0;
      Arrays.fill(reach, Double.POSITIVE_INFINITY);
      Arrays.fill(inTree, false);
      while (rowOfColumn[column] != 0) {
        inTree[column] = true;
        int r = rowOfColumn[column];
        double[] costs = cost[r - 1];
        double step = Double.POSITIVE_INFINITY;
        int next = -1;
        for (int j = 1; j <= n; j++) {
          if (inTree[j]) {
            continue;
          }
          double reduced = costs[j - 1] - u[r] - v[j];
          if (reduced < reach[j]) {
            reach[j] = reduced;
            previous[j] = column;
          }
          if (reach[j] < step) {
            step = reach[j];
            next = j;
          }
        }
        for (int j = 0; j <= n; j++) {
          if (inTree[j]) {
            u[rowOfColumn[j]] += step;
            v[j] -= step;
          } else {
            reach[j] -= step;
          }
        }
        column = next;
      }
      while (column != 0) { // flip the augmenting path back to the virtual column
        int back = previous[column];
        rowOfColumn[column] = rowOfColumn[back];
        column = back;
      }
    }
    int[] columnOfRow = new int[n];
    double total = 0;
    for (int j = 1; j <= n; j++) {
      columnOfRow[rowOfColumn[j] - 1] = j - 1;
      total += cost[rowOfColumn[j] - 1][j - 1];
    }
    return new Result(columnOfRow, total);
  }

  /** An n x m problem with n <= m: the rows padded with zero-cost dummies to a square one. */
  public static Result solvePadded(double[][] cost) {
    int m = cost.length == 0 ? 0 : cost[0].length;
    if (cost.length > m) {
      throw new IllegalArgumentException("more rows (" + cost.length + ") than columns (" + m + "): transpose the problem");
    }
    double[][] square = new double[m][];
    for (int i = 0; i < m; i++) {
      square[i] = i < cost.length ? cost[i] : new double[m];
    }
    Result full = solve(square);
    return new Result(Arrays.copyOf(full.columnOfRow(), cost.length), full.cost());
  }
}
