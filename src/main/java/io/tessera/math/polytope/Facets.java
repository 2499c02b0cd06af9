package io.tessera.math.polytope;

import java.util.ArrayList;
import java.util.List;

/**
 * The active bits of a region: the rows of (A, c) that are not redundant (Liu eq. 6). This is the
 * reference method, one LP per row: row i is active iff max a_i . x over the other constraints
 * exceeds c_i, or is unbounded.
 */
public final class Facets {
  /**
   * A row counts as exceeded when the LP value is above c_i by more than this, relative to
   * max(1, |c_i|): GLOP's feasibility tolerance is about 1e-7 absolute, so smaller excesses are noise.
   */
  static final double TOLERANCE = 1e-6;
  private static final double ZERO_ROW = 1e-12;

  private Facets() {}

  /** Indices of the active rows, ascending. Zero rows are never facets. */
  public static int[] referenceLp(Polytope p) {
    return referenceLpRows(p, java.util.stream.IntStream.range(0, p.rows()).toArray());
  }

  /**
   * The same per-row test with every LP written in the rows' span ({@link RowSpace}: 340 variables
   * instead of 784 on MNIST-sized nets, every LP value unchanged): a full check of a trained MNIST
   * region at a lower cost (bench/facets-trained).
   */
  public static int[] referenceLpInSpan(Polytope p) {
    return referenceLpInSpan(p, java.util.stream.IntStream.range(0, p.rows()).toArray());
  }

  /** {@link #referenceLpInSpan(Polytope)} on the given rows only: those of them that are active, ascending. */
  public static int[] referenceLpInSpan(Polytope p, int[] rows) {
    RowSpace span = RowSpace.of(p.a(), p.dim());
    if (span.rank() == 0) {
      return new int[0];
    }
    return activeRows(span.reduceRows(p.a()), p.c(), rows);
  }

  /** The reference test on the given rows only: those of them that are active, ascending. */
  public static int[] referenceLpRows(Polytope p, int[] rows) {
    return activeRows(p.a(), p.c(), rows);
  }

  private static int[] activeRows(double[][] a, double[] c, int[] rows) {
    List<Integer> active = new ArrayList<>();
    for (int i : rows) {
      if (Polytope.norm(a[i]) <= ZERO_ROW) {
        continue;
      }
      if (isActive(a, c, i)) {
        active.add(i);
      }
    }
    return active.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /** Eq. 6 for one row of {x : a x <= c}: max a_i . x over the other rows is above c_i, or unbounded. */
  static boolean isActive(double[][] a, double[] c, int i) {
    LinearPrograms.Solution s = LinearPrograms.maximise(a[i], a, c, i);
    if (s.status() == LinearPrograms.Status.INFEASIBLE) {
      throw new IllegalArgumentException("row " + i + "'s relaxation is infeasible, so the region is empty");
    }
    return s.status() == LinearPrograms.Status.UNBOUNDED || exceeds(s.value(), c[i]);
  }

  /** Whether an LP value counts as beyond the bound c_i. */
  static boolean exceeds(double value, double bound) {
    return value > bound + TOLERANCE * Math.max(1, Math.abs(bound));
  }

  /** The patterns of the regions across each active facet: the same pattern with that bit flipped. */
  public static long[][] neighbours(Polytope p, int[] active) {
    long[][] out = new long[active.length][];
    for (int f = 0; f < active.length; f++) {
      long[] flipped = p.pattern().clone();
      flipped[active[f] >>> 6] ^= 1L << (active[f] & 63);
      out[f] = flipped;
    }
    return out;
  }
}
