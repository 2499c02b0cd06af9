package io.tessera.bench;

import io.tessera.TestModels;
import io.tessera.math.MlpWeights;
import io.tessera.math.SegmentCrossings;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Exact segment crossings against Algorithm 2 (bisection) on a 784-300x5-10 MLP with random
 * weights, on the same pairs in the same process: pairs per second of each, their ratio, and how
 * often the two region counts agree. Run it with bench/segment-crossings.
 */
public final class SegmentCrossingsBench {
  private static final int[] ARCHITECTURE = {784, 300, 300, 300, 300, 300, 10};
  private static final int ROUNDS = 5;
  /** The exact method runs this many passes per round, so that its rounds are not too short to time. */
  private static final int EXACT_PASSES = 3;

  private SegmentCrossingsBench() {}

  public static void main(String[] args) {
    int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    double distance = args.length > 1 ? Double.parseDouble(args[1]) : 4.0;
    MlpWeights net = TestModels.random(1, ARCHITECTURE);
    double[][] p = new double[pairs][];
    double[][] q = new double[pairs][];
    nearbyPairs(distance, p, q);
    System.out.printf(Locale.ROOT, "segment crossings, MLP %s, %d pairs Q = P + %.2f u (P ~ N(0, I), u a random unit vector), %d cores, %d interleaved rounds%n",
        Arrays.toString(ARCHITECTURE), pairs, distance, Runtime.getRuntime().availableProcessors(), ROUNDS);

    for (int i = 0; i < pairs; i++) {
      for (int warm = 0; warm < EXACT_PASSES; warm++) {
        SegmentCrossings.exact(net, p[i], q[i]);
      }
      if (i < 4) {
        SegmentCrossings.bisection(net, p[i], q[i]);
      }
    }
    SegmentCrossings.Exact[] exact = new SegmentCrossings.Exact[pairs];
    SegmentCrossings.Bisection[] bisection = new SegmentCrossings.Bisection[pairs];
    // Interleaved rounds and medians: a shared 2-core VM drifts more than the effects measured.
    double[][] rates = new double[2][ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      for (int pass = 0; pass < EXACT_PASSES; pass++) {
        for (int i = 0; i < pairs; i++) {
          exact[i] = SegmentCrossings.exact(net, p[i], q[i]);
        }
      }
      rates[0][round] = EXACT_PASSES * pairs / ((System.nanoTime() - start) / 1e9);
      start = System.nanoTime();
      for (int i = 0; i < pairs; i++) {
        bisection[i] = SegmentCrossings.bisection(net, p[i], q[i]);
      }
      rates[1][round] = pairs / ((System.nanoTime() - start) / 1e9);
    }
    double exactRate = PatternsThroughputBench.median(rates[0]);
    double bisectionRate = PatternsThroughputBench.median(rates[1]);
    report(exact, bisection);
    System.out.printf(Locale.ROOT, "%-32s %10.2f pairs/s%n", "exact (per-layer roots)", exactRate);
    System.out.printf(Locale.ROOT, "%-32s %10.2f pairs/s%n", "bisection (Algorithm 2)", bisectionRate);
    System.out.printf(Locale.ROOT, "exact / bisection = %.1fx (target >= 10x)%n", exactRate / bisectionRate);
  }

  /** P from the standard test inputs, Q at the given distance in a random direction: nearby pairs with tens of crossings. */
  private static void nearbyPairs(double distance, double[][] p, double[][] q) {
    int dim = ARCHITECTURE[0];
    float[] inputs = TestModels.randomInputs(2, p.length, dim);
    Random random = new Random(3);
    for (int i = 0; i < p.length; i++) {
      p[i] = new double[dim];
      double[] u = new double[dim];
      double norm = 0;
      for (int k = 0; k < dim; k++) {
        p[i][k] = inputs[i * dim + k];
        u[k] = random.nextGaussian();
        norm += u[k] * u[k];
      }
      q[i] = new double[dim];
      for (int k = 0; k < dim; k++) {
        q[i][k] = p[i][k] + distance * u[k] / Math.sqrt(norm);
      }
    }
  }

  private static void report(SegmentCrossings.Exact[] exact, SegmentCrossings.Bisection[] bisection) {
    int identical = 0;
    int exactMore = 0;
    int exactFewer = 0;
    long hamming = 0;
    long exactRegions = 0;
    long bisectionRegions = 0;
    long multiBit = 0;
    for (int i = 0; i < exact.length; i++) {
      int e = exact[i].regions();
      int b = bisection[i].regions();
      identical += e == b ? 1 : 0;
      exactMore += e > b ? 1 : 0;
      exactFewer += e < b ? 1 : 0;
      hamming += exact[i].endpointHamming();
      exactRegions += e;
      bisectionRegions += b;
      multiBit += exact[i].multiBitCrossings();
    }
    int n = exact.length;
    System.out.printf(Locale.ROOT, "mean d_H(P, Q) %.1f, mean regions: exact %.1f, bisection %.1f; multi-bit crossings %d%n",
        (double) hamming / n, (double) exactRegions / n, (double) bisectionRegions / n, multiBit);
    System.out.printf(Locale.ROOT, "region counts: identical on %d of %d pairs, exact > bisection on %d, exact < bisection on %d%n",
        identical, n, exactMore, exactFewer);
  }
}
