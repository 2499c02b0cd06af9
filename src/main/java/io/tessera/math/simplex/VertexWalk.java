package io.tessera.math.simplex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A dense primal simplex over the vertices of one polyhedron P = {x : a_j . x <= c_j}, for many
 * objectives in turn: {@link #maximum} is max a_k . x over P without row k (the redundancy test
 * of one row, docs/methods/polytopes-and-regions.md, Facets by a vertex walk). The rows must
 * span the space (P then has vertices, bounded or not).
 *
 * <p>Why not a general LP solver: every test is the same matrix with a new objective, and every
 * test can start from a vertex of P found by an earlier one (of the last few kept, the one where
 * a_k . x is highest), with the basis inverse already at hand; a general solver rebuilds and
 * refactors its model per test. The walk keeps the inverse of the r x r basis explicitly (column
 * q: the direction that leaves the q-th tight row, keeping the others tight), prices by steepest
 * edge with the multipliers and edge norms updated per pivot, and finds the blocking row without
 * reading most rows: a row whose distance to its hyperplane, last computed exactly and lowered by
 * the path walked since, exceeds the best step so far cannot block ({@link BlockingRows}).
 */
public final class VertexWalk {
  /** A row at most this norm has no hyperplane and never blocks. */
  static final double ZERO_ROW = 1e-12;
  /** Pivots between refactorisations of the basis inverse. */
  private static final int REFACTOR_EVERY = 1000;
  /** Degenerate pivots in a row before Bland's rule takes over, which cannot cycle. */
  private static final int DEGENERATE_LIMIT = 50;
  /** Vertices of P kept as starting points, at most; each holds r^2 doubles (0.9 MB at r = 340). */
  private static final int HOMES = 16;
  /** ... and at most this many bytes of them, so that wide inputs keep fewer. */
  private static final double HOME_BYTES = 32e6;

  private final double[][] a;
  private final double[] c;
  private final int r;
  private final BlockingRows rows;
  private final ArrayDeque<Vertex> homes = new ArrayDeque<>();
  private Vertex at;
  private long pivots;

  private VertexWalk(double[][] a, double[] c, BlockingRows rows) {
    this.a = a;
    this.c = c;
    this.r = a[0].length;
    this.rows = rows;
  }

  /**
   * Starts at a vertex of P reached from {@code interior} (inside P) by walking along
   * {@code towards}, projected onto the tight rows' common null space, until r rows are tight.
   *
   * @throws IllegalArgumentException if the rows do not span the space
   * @throws ArithmeticException if rounding leaves no basis (callers fall back to an LP solver)
   */
  public static VertexWalk from(double[][] a, double[] c, double[] interior, double[] towards) {
    int r = a[0].length;
    BlockingRows rows = new BlockingRows(a, c);
    VertexWalk walk = new VertexWalk(a, c, rows);
    Vertex v = new Vertex(r, a.length);
    System.arraycopy(interior, 0, v.x, 0, r);
    rows.measure(v);
    List<double[]> normals = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(0);
    double[] d = new double[r];
    for (int tight = 0; tight < r; tight++) {
      System.arraycopy(towards, 0, d, 0, r);
      while (!project(d, normals)) {
        for (int i = 0; i < r; i++) {
          d[i] = random.nextDouble() - 0.5;
        }
      }
      int hit = rows.block(v, d, -1, false);
      if (hit < 0) {
        negate(d);
        hit = rows.block(v, d, -1, false);
      }
      if (hit < 0) {
        throw new IllegalArgumentException("the rows do not span the space: P holds a line");
      }
      rows.move(v, d, rows.step());
      v.basis[tight] = hit;
      v.position[hit] = tight;
      double[] normal = a[hit].clone();
      if (!project(normal, normals)) {
        throw new ArithmeticException("a blocking row lies numerically in the span of the tight rows");
      }
      normals.add(normal);
    }
    walk.at = v;
    walk.refactor();
    walk.homes.add(v.copy());
    return walk;
  }

  /**
   * max a_k . x over P without row k, walked from the last vertex of P this walk found. Returns
   * +Infinity when unbounded; as soon as a vertex passes {@code stopAbove}, that vertex's value
   * (the maximum is at least that); NaN when {@code maxPivots} pivots did not settle it.
   *
   * @throws ArithmeticException if rounding leaves the basis singular (callers fall back to an LP solver)
   */
  public double maximum(int k, double stopAbove, int maxPivots) {
    double[] goal = a[k];
    Vertex start = null;
    for (Vertex h : homes) {
      if (start == null || dot(goal, h.x) > dot(goal, start.x)) {
        start = h;
      }
    }
    at = start.copy();
    at.price(goal);
    int degenerate = 0;
    int p = at.position[k];
    if (p >= 0) { // row k is tight here: leave it first, along the direction that raises a_k . x
      if (maxPivots == 0) {
        return Double.NaN;
      }
      if (!pivot(k, p, at.col[p].clone(), false)) {
        return Double.POSITIVE_INFINITY;
      }
    }
    for (int step = p >= 0 ? 1 : 0; ; step++) {
      double value = dot(goal, at.x);
      if (value > stopAbove) {
        return value;
      }
      boolean bland = degenerate > DEGENERATE_LIMIT;
      int leave = at.leaving(dot(goal, goal), bland);
      if (leave < 0) { // optimal: a_k is a non-negative combination of the tight rows
        if (value <= c[k]) { // this vertex lies in P too: later tests may start here
          if (at.pivotsSinceFactor > REFACTOR_EVERY) {
            refactor();
          }
          if (homes.size() >= Math.max(1, Math.min(HOMES, (int) (HOME_BYTES / (8.0 * r * r))))) {
            homes.removeFirst();
          }
          homes.addLast(at.copy());
        }
        return value;
      }
      if (step >= maxPivots) {
        return Double.NaN;
      }
      double[] d = at.col[leave].clone();
      negate(d);
      if (!pivot(k, leave, d, bland)) {
        return Double.POSITIVE_INFINITY;
      }
      degenerate = rows.step() == 0 ? degenerate + 1 : 0;
      if (at.pivotsSinceFactor > REFACTOR_EVERY) {
        refactor();
        at.price(goal);
      }
    }
  }

  /** Pivots made so far, over every test. */
  public long pivots() {
    return pivots;
  }

  /** Moves along d until a row other than k blocks, which replaces basis position p; false if none blocks. */
  private boolean pivot(int k, int p, double[] d, boolean bland) {
    int hit = rows.block(at, d, k, bland);
    if (hit < 0) {
      return false;
    }
    rows.move(at, d, rows.step());
    int out = at.basis[p];
    at.replace(p, hit, a[hit]);
    rows.measure(at, out);
    pivots++;
    return true;
  }

  /** Recomputes the basis inverse by LU from the tight rows, then the vertex and every distance. */
  private void refactor() {
    DMatrixRMaj basis = new DMatrixRMaj(r, r);
    for (int p = 0; p < r; p++) {
      System.arraycopy(a[at.basis[p]], 0, basis.data, p * r, r);
    }
    if (!CommonOps_DDRM.invert(basis)) {
      throw new ArithmeticException("the basis of tight rows is numerically singular");
    }
    Arrays.fill(at.x, 0);
    for (int q = 0; q < r; q++) {
      double bound = c[at.basis[q]];
      for (int i = 0; i < r; i++) {
        at.col[q][i] = basis.data[i * r + q];
        at.x[i] += bound * at.col[q][i];
      }
      at.norm2[q] = dot(at.col[q], at.col[q]);
    }
    rows.measure(at);
    at.pivotsSinceFactor = 0;
  }

  /** Removes from v its components along the orthonormal {@code normals} (twice); false if nothing is left. */
  private static boolean project(double[] v, List<double[]> normals) {
    double before = Math.sqrt(dot(v, v));
    for (int pass = 0; pass < 2; pass++) {
      for (double[] q : normals) {
        double f = dot(q, v);
        for (int i = 0; i < v.length; i++) {
          v[i] -= f * q[i];
        }
      }
    }
    double after = Math.sqrt(dot(v, v));
    if (!(after > 1e-9 * before)) {
      return false;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= after;
    }
    return true;
  }

  private static void negate(double[] d) {
    for (int i = 0; i < d.length; i++) {
      d[i] = -d[i];
    }
  }

  /** Dot product with four partial sums, which the JIT pipelines (a single sum is latency-bound). */
  static double dot(double[] u, double[] v) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < u.length; i += 4) {
      s0 += u[i] * v[i];
      s1 += u[i + 1] * v[i + 1];
      s2 += u[i + 2] * v[i + 2];
      s3 += u[i + 3] * v[i + 3];
    }
    for (; i < u.length; i++) {
      s0 += u[i] * v[i];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
