package io.tessera.bench;

import io.tessera.math.BitPatterns;
import io.tessera.math.NearestNeighbours;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * All-pairs Hamming nearest neighbour on MNIST-sized patterns (5 x 300 units, 25 words): the
 * blocked kernel the job runs (flat long arrays, one block against a chunk of queries) against a
 * straightforward loop over a list of long[][] patterns, in the same JVM. Run with bench/hamming-neighbours.
 */
public final class HammingNeighboursBench {
  private static final int[] WIDTHS = {300, 300, 300, 300, 300};
  private static final int ROUNDS = 5;

  private HammingNeighboursBench() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
    SplittableRandom random = new SplittableRandom(3);
    List<long[][]> patterns = new ArrayList<>(n);
    int words = 0;
    for (int w : WIDTHS) {
      words += BitPatterns.wordsFor(w);
    }
    long[] flat = new long[n * words];
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      long[][] p = new long[WIDTHS.length][];
      int offset = 0;
      for (int l = 0; l < WIDTHS.length; l++) {
        float[] z = new float[WIDTHS[l]];
        for (int k = 0; k < z.length; k++) {
          z[k] = (float) random.nextGaussian();
        }
        p[l] = BitPatterns.packPositive(z, 0, z.length);
        System.arraycopy(p[l], 0, flat, i * words + offset, p[l].length);
        offset += p[l].length;
      }
      patterns.add(p);
      ids[i] = i;
    }
    System.out.printf(Locale.ROOT, "all-pairs Hamming 1-NN, %d patterns of %d units (%d words), %d interleaved rounds%n",
        n, java.util.Arrays.stream(WIDTHS).sum(), words, ROUNDS);
    double[] blocked = new double[ROUNDS];
    double[] straightforward = new double[ROUNDS];
    long checksumBlocked = 0;
    long checksumLoop = 0;
    for (int r = 0; r < ROUNDS; r++) {
      long start = System.nanoTime();
      NearestNeighbours.Best best = NearestNeighbours.Best.empty(n);
      NearestNeighbours.hamming(flat, ids, flat, ids, words, best);
      blocked[r] = (double) n * (n - 1) / ((System.nanoTime() - start) / 1e9);
      checksumBlocked = java.util.Arrays.stream(best.neighbour()).sum();

      start = System.nanoTime();
      long sum = 0;
      for (int q = 0; q < n; q++) {
        int bestD = Integer.MAX_VALUE;
        int bestId = -1;
        for (int c = 0; c < n; c++) {
          if (c != q) {
            int d = BitPatterns.hamming(patterns.get(q), patterns.get(c));
            if (d < bestD) {
              bestD = d;
              bestId = c;
            }
          }
        }
        sum += bestId;
      }
      straightforward[r] = (double) n * (n - 1) / ((System.nanoTime() - start) / 1e9);
      checksumLoop = sum;
    }
    if (checksumBlocked != checksumLoop) {
      throw new AssertionError("the two methods disagree on the neighbours");
    }
    double b = PatternsThroughputBench.median(blocked);
    double s = PatternsThroughputBench.median(straightforward);
    System.out.printf(Locale.ROOT, "%-52s %14.0f pairs/s%n", "blocked kernel (flat long[], job's inner loop)", b);
    System.out.printf(Locale.ROOT, "%-52s %14.0f pairs/s%n", "straightforward loop over long[][] patterns", s);
    System.out.printf(Locale.ROOT, "blocked / straightforward = %.2fx (same neighbours found)%n", b / s);
  }
}
