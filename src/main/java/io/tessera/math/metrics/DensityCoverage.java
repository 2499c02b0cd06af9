package io.tessera.math.metrics;

import io.tessera.math.Points;

/**
 * Precision, recall, density and coverage of fake samples against real ones from k-nearest-neighbour
 * balls (docs/methods/sample-metrics.md, Density and coverage). Each real x_i has the radius r_i of
 * its k-th nearest other real; each fake y_j the radius of its k-th nearest other fake. With strict
 * inequalities:
 * precision = share of fakes inside some real ball; recall = share of reals inside some fake ball;
 * density = (1 / kM) sum over fakes of the real balls holding it; coverage = share of reals whose
 * ball holds a fake. Brute force, O(N M d).
 */
public final class DensityCoverage {
  /** The four scores. */
  public record Scores(double precision, double recall, double density, double coverage) {}

  private DensityCoverage() {}

  public static Scores of(double[][] reals, double[][] fakes, int k) {
    Samples.requireComparable(reals, fakes, "density and coverage");
    if (k < 1 || k >= reals.length || k >= fakes.length) {
      throw new IllegalArgumentException("k must be in 1.." + (Math.min(reals.length, fakes.length) - 1) + " for " + reals.length
          + " reals and " + fakes.length + " fakes, got " + k);
    }
    // Squared distances against squared radii: the same strict comparisons without a square root per pair.
    double[] realRadius2 = squaredRadii(reals, k);
    double[] fakeRadius2 = squaredRadii(fakes, k);
    long inRealBalls = 0;
    long fakesInSomeBall = 0;
    boolean[] covered = new boolean[reals.length];
    boolean[] recalled = new boolean[reals.length];
    for (double[] fake : fakes) {
      int holding = 0;
      for (int i = 0; i < reals.length; i++) {
        if (Points.squaredDistance(fake, reals[i]) < realRadius2[i]) {
          holding++;
          covered[i] = true;
        }
      }
      inRealBalls += holding;
      fakesInSomeBall += holding > 0 ? 1 : 0;
    }
    for (int j = 0; j < fakes.length; j++) {
      for (int i = 0; i < reals.length; i++) {
        if (!recalled[i] && Points.squaredDistance(reals[i], fakes[j]) < fakeRadius2[j]) {
          recalled[i] = true;
        }
      }
    }
    return new Scores(fakesInSomeBall / (double) fakes.length, count(recalled) / (double) reals.length,
        inRealBalls / ((double) k * fakes.length), count(covered) / (double) reals.length);
  }

  /** Each point's squared distance to its k-th nearest other point of the same sample. */
  private static double[] squaredRadii(double[][] points, int k) {
    double[] radius2 = new double[points.length];
    for (int i = 0; i < points.length; i++) {
      radius2[i] = Points.squaredDistance(points[i], points[Samples.nearestOthers(points, i, k)[k - 1]]);
    }
    return radius2;
  }

  private static int count(boolean[] flags) {
    int c = 0;
    for (boolean f : flags) {
      c += f ? 1 : 0;
    }
    return c;
  }
}
