package io.tessera.math.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sample metrics against brute force and the closed forms of docs/methods/sample-metrics.md. */
class SampleMetricsTest {
  private static double[][] gaussian(SplittableRandom random, int n, int d, double scale) {
    double[][] x = new double[n][d];
    for (double[] p : x) {
      for (int k = 0; k < d; k++) {
        p[k] = scale * random.nextGaussian();
      }
    }
    return x;
  }

  /** The minimum over all n! permutations. */
  private static double bruteForce(double[][] cost, int[] permutation, int from) {
    if (from == permutation.length) {
      double total = 0;
      for (int i = 0; i < permutation.length; i++) {
        total += cost[i][permutation[i]];
      }
      return total;
    }
    double best = Double.POSITIVE_INFINITY;
    for (int i = from; i < permutation.length; i++) {
      swap(permutation, from, i);
      best = Math.min(best, bruteForce(cost, permutation, from + 1));
      swap(permutation, from, i);
    }
    return best;
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  @Test
  void theAssignmentMatchesBruteForceAndItsPermutationHasItsCost() {
    SplittableRandom random = new SplittableRandom(5);
    for (int n = 1; n <= 8; n++) {
      for (int trial = 0; trial < 20; trial++) {
        double[][] cost = new double[n][n];
        for (double[] row : cost) {
          for (int j = 0; j < n; j++) {
            row[j] = trial % 2 == 0 ? random.nextDouble(-5, 5) : random.nextInt(4); // integer costs tie
          }
        }
        LinearAssignment.Result r = LinearAssignment.solve(cost);
        double expected = bruteForce(cost, java.util.stream.IntStream.range(0, n).toArray(), 0);
        assertEquals(expected, r.cost(), 1e-9, "n " + n + ", trial " + trial);
        int[] sorted = r.columnOfRow().clone();
        Arrays.sort(sorted);
        assertArrayEquals(java.util.stream.IntStream.range(0, n).toArray(), sorted, "a permutation");
        double check = 0;
        for (int i = 0; i < n; i++) {
          check += cost[i][r.columnOfRow()[i]];
        }
        assertEquals(r.cost(), check, 1e-12);
      }
    }
  }

  @Test
  void aConstantAddedToARowOrAColumnShiftsTheOptimumByIt() {
    SplittableRandom random = new SplittableRandom(6);
    double[][] cost = gaussian(random, 60, 60, 1);
    double base = LinearAssignment.solve(cost).cost();
    for (double[] row : cost) {
      row[17] += 2.5;
    }
    cost[3] = Arrays.stream(cost[3]).map(c -> c - 1.25).toArray();
    assertEquals(base + 2.5 - 1.25, LinearAssignment.solve(cost).cost(), 1e-9);
  }

  @Test
  void aRectangularProblemIsPaddedWithZeroCostRows() {
    double[][] cost = {{4, 1, 3}, {2, 0, 5}};
    LinearAssignment.Result r = LinearAssignment.solvePadded(cost);
    assertEquals(3, r.cost(), 0, "row 0 to column 1 (1) and row 1 to column 0 (2), or 0 + 3: both 3");
    assertEquals(2, r.columnOfRow().length);
    assertThrows(IllegalArgumentException.class, () -> LinearAssignment.solve(new double[][] {{1, 2}}));
    assertThrows(IllegalArgumentException.class, () -> LinearAssignment.solve(new double[][] {{1, Double.NaN}, {0, 1}}));
  }

  @Test
  void w2IsZeroOnItselfMovesWithTranslationScalesAndIsTheSortedMatchingInOneDimension() {
    SplittableRandom random = new SplittableRandom(7);
    double[][] x = gaussian(random, 200, 3, 1);
    double[][] y = gaussian(random, 200, 3, 2);
    assertEquals(0, EmpiricalW2.of(x, x), 1e-12);
    double[] c = {0.5, -2, 1};
    double[][] shifted = Arrays.stream(x).map(p -> new double[] {p[0] + c[0], p[1] + c[1], p[2] + c[2]}).toArray(double[][]::new);
    assertEquals(Math.sqrt(0.25 + 4 + 1), EmpiricalW2.of(x, shifted), 1e-12, "W2(X, X + c) = |c|");
    double w = EmpiricalW2.of(x, y);
    double[][] ax = Arrays.stream(x).map(p -> Arrays.stream(p).map(v -> -3 * v).toArray()).toArray(double[][]::new);
    double[][] ay = Arrays.stream(y).map(p -> Arrays.stream(p).map(v -> -3 * v).toArray()).toArray(double[][]::new);
    assertEquals(3 * w, EmpiricalW2.of(ax, ay), 1e-9 * w, "W2(aX, aY) = |a| W2(X, Y)");

    double[] a = random.doubles(300, -1, 1).toArray();
    double[] b = random.doubles(300, 0, 3).toArray();
    double[][] pa = Arrays.stream(a).mapToObj(v -> new double[] {v}).toArray(double[][]::new);
    double[][] pb = Arrays.stream(b).mapToObj(v -> new double[] {v}).toArray(double[][]::new);
    Arrays.sort(a);
    Arrays.sort(b);
    double sorted = 0;
    for (int i = 0; i < a.length; i++) {
      sorted += (a[i] - b[i]) * (a[i] - b[i]);
    }
    assertEquals(Math.sqrt(sorted / a.length), EmpiricalW2.of(pa, pb), 1e-12, "1-D: the sorted matching");
    assertThrows(IllegalArgumentException.class, () -> EmpiricalW2.of(x, Arrays.copyOf(y, 199)));
  }

  /** 2d points mu +- a sigma_k e_k with a^2 = (2d - 1) / 2: sample mean mu, sample covariance (n - 1) diag(sigma^2). */
  private static double[][] exactMoments(double[] mu, double[] sigma) {
    int d = mu.length;
    double a = Math.sqrt((2 * d - 1) / 2.0);
    double[][] x = new double[2 * d][];
    for (int k = 0; k < d; k++) {
      for (int sign = 0; sign < 2; sign++) {
        double[] p = mu.clone();
        p[k] += (sign == 0 ? 1 : -1) * a * sigma[k];
        x[2 * k + sign] = p;
      }
    }
    return x;
  }

  @Test
  void theFrechetDistanceOfItsClosedForms() {
    SplittableRandom random = new SplittableRandom(8);
    double[][] x = gaussian(random, 500, 4, 1);
    assertEquals(0, FrechetDistance.of(x, x), 1e-9);
    double[][] shifted = Arrays.stream(x).map(p -> new double[] {p[0] + 1, p[1], p[2] - 2, p[3]}).toArray(double[][]::new);
    assertEquals(5, FrechetDistance.of(x, shifted), 1e-9, "FD(X, X + c) = |c|^2");
    // Diagonal covariances: |d mu|^2 + sum (sigma1 - sigma2)^2 = 3 + (1 + 1 + 4) = 9.
    assertEquals(9, FrechetDistance.of(exactMoments(new double[] {0, 0, 0}, new double[] {1, 2, 3}),
        exactMoments(new double[] {1, 1, 1}, new double[] {2, 1, 1})), 1e-9);
    // A rotation of both samples leaves it unchanged, and it is symmetric.
    double[][] y = gaussian(random, 400, 4, 1.5);
    double t = 0.7;
    java.util.function.UnaryOperator<double[]> rotate = p -> new double[] {Math.cos(t) * p[0] - Math.sin(t) * p[1],
        Math.sin(t) * p[0] + Math.cos(t) * p[1], p[2], p[3]};
    double fd = FrechetDistance.of(x, y);
    assertEquals(fd, FrechetDistance.of(y, x), 1e-9 * fd);
    assertEquals(fd, FrechetDistance.of(Arrays.stream(x).map(rotate).toArray(double[][]::new),
        Arrays.stream(y).map(rotate).toArray(double[][]::new)), 1e-9 * fd);
  }

  @Test
  void densityAndCoverageOfIdenticalShiftedAndDuplicatedFakes() {
    SplittableRandom random = new SplittableRandom(9);
    double[][] reals = gaussian(random, 300, 5, 1);
    assertEquals(new DensityCoverage.Scores(1, 1, 1, 1), DensityCoverage.of(reals, reals, 5), "fakes identical to the reals");
    double[][] far = Arrays.stream(reals).map(p -> Arrays.stream(p).map(v -> v + 100).toArray()).toArray(double[][]::new);
    assertEquals(new DensityCoverage.Scores(0, 0, 0, 0), DensityCoverage.of(reals, far, 5), "reals shifted by 100");
    double[][] twice = new double[600][];
    for (int i = 0; i < 600; i++) {
      twice[i] = reals[i % 300];
    }
    assertEquals(1, DensityCoverage.of(reals, twice, 5).density(), 1e-12, "each real ball holds 2k of 2N fakes");
    // Hand-made, k = 1 on a line: reals 0, 1, 3 have radii 1, 1, 2; fakes 0.5 and 2.5 (fake radius 2 each).
    double[][] line = {{0}, {1}, {3}};
    double[][] fakes = {{0.5}, {2.5}};
    DensityCoverage.Scores s = DensityCoverage.of(line, fakes, 1);
    assertEquals(1, s.precision(), "both fakes lie in some real ball");
    assertEquals(1, s.recall(), "every real lies within 2 of a fake");
    assertEquals((2 + 1) / 2.0, s.density(), 1e-12, "0.5 is in the balls of 0 and 1; 2.5 in that of 3");
    assertEquals(1, s.coverage());
  }

  @Test
  void diagramDistancesOfTheirClosedForms() {
    double inf = Double.POSITIVE_INFINITY;
    double[][] empty = new double[0][];
    for (double p : new double[] {1, 2, 3}) {
      assertEquals(1.5, DiagramWasserstein.of(new double[][] {{1, 4}}, empty, p), 1e-12, "half the persistence, in L-infinity, p " + p);
      assertEquals(1, DiagramWasserstein.of(new double[][] {{0, 2}}, new double[][] {{0, 3}}, p), 1e-12, "p " + p);
    }
    assertEquals(6, DiagramWasserstein.of(new double[][] {{0, 2}}, new double[][] {{0, 10}}, 1), 1e-12, "both to the diagonal: 1 + 5");
    assertEquals(Math.sqrt(26), DiagramWasserstein.of(new double[][] {{0, 2}}, new double[][] {{0, 10}}, 2), 1e-12);
    assertEquals(0, DiagramWasserstein.of(new double[][] {{0, inf}, {0, 1}}, new double[][] {{0, inf}, {0, 1}}, 2), 0, "essential points cancel");
    assertEquals(inf, DiagramWasserstein.of(new double[][] {{0, inf}}, empty, 2), "unequal essential counts");
    SplittableRandom random = new SplittableRandom(10);
    double[][][] d = new double[3][][];
    for (int t = 0; t < 3; t++) {
      d[t] = new double[5 + t][];
      for (int i = 0; i < d[t].length; i++) {
        double b = random.nextDouble(0, 2);
        d[t][i] = new double[] {b, b + random.nextDouble(0, 1)};
      }
    }
    for (double p : new double[] {1, 2}) {
      assertEquals(0, DiagramWasserstein.of(d[0], d[0], p), 1e-12);
      assertEquals(DiagramWasserstein.of(d[0], d[1], p), DiagramWasserstein.of(d[1], d[0], p), 1e-12, "symmetric");
      assertTrue(DiagramWasserstein.of(d[0], d[2], p) <= DiagramWasserstein.of(d[0], d[1], p) + DiagramWasserstein.of(d[1], d[2], p) + 1e-12,
          "triangle inequality, p " + p);
    }
    assertThrows(IllegalArgumentException.class, () -> DiagramWasserstein.of(new double[][] {{0, Double.NaN}}, empty, 1));
    assertThrows(IllegalArgumentException.class, () -> DiagramWasserstein.of(new double[][] {{2, 1}}, empty, 1));
    assertThrows(IllegalArgumentException.class, () -> DiagramWasserstein.of(empty, empty, 0.5));
  }

  @Test
  void theKnnGraphSpectrumOfItsClosedForms() {
    // A regular 12-gon with k = 2 is the cycle C12: eigenvalues 2 cos(2 pi j / 12).
    double[][] polygon = new double[12][];
    for (int j = 0; j < 12; j++) {
      polygon[j] = new double[] {Math.cos(2 * Math.PI * j / 12), Math.sin(2 * Math.PI * j / 12)};
    }
    double[][] spectrum = KnnSpectralDistance.eigenvalues(KnnSpectralDistance.adjacency(polygon, 2, true), true);
    double[] expected = java.util.stream.IntStream.range(0, 12).mapToDouble(j -> 2 * Math.cos(2 * Math.PI * j / 12))
        .boxed().sorted(java.util.Comparator.reverseOrder()).mapToDouble(Double::doubleValue).toArray();
    assertArrayEquals(expected, Arrays.stream(spectrum).mapToDouble(v -> v[0]).toArray(), 1e-9);
    SplittableRandom random = new SplittableRandom(11);
    double[][] x = gaussian(random, 60, 3, 1);
    double[][] directed = KnnSpectralDistance.eigenvalues(KnnSpectralDistance.adjacency(x, 4, false), false);
    assertEquals(4, Arrays.stream(directed).mapToDouble(v -> Math.hypot(v[0], v[1])).max().orElseThrow(), 1e-9, "spectral radius k");
    double[][] moved = Arrays.stream(x).map(p -> new double[] {2.5 * p[0] + 1, 2.5 * p[1] - 3, 2.5 * p[2]}).toArray(double[][]::new);
    assertEquals(0, KnnSpectralDistance.directed(x, moved, 4), 1e-9, "S(X, aX + c) = 0");
    assertEquals(0, KnnSpectralDistance.symmetric(x, moved, 4), 1e-9);
    double[][] y = gaussian(random, 60, 2, 1); // another space: only the graphs are compared
    int[] shuffle = java.util.stream.IntStream.range(0, 60).map(i -> (i * 7) % 60).toArray();
    double[][] xs = Arrays.stream(shuffle).mapToObj(i -> x[i]).toArray(double[][]::new);
    double[][] ys = Arrays.stream(shuffle).mapToObj(i -> y[i]).toArray(double[][]::new);
    double s = KnnSpectralDistance.directed(x, y, 4);
    assertTrue(s > 0);
    // The permuted A is similar to A, but a non-symmetric eigensolver's rounding depends on the order; a kNN adjacency is far from
    // normal, so its eigenvalues can move by much more than the machine epsilon (here 1e-9 of s).
    assertEquals(s, KnnSpectralDistance.directed(xs, ys, 4), 1e-7 * s, "a common node permutation changes nothing");
    assertEquals(KnnSpectralDistance.symmetric(x, y, 4), KnnSpectralDistance.symmetric(xs, ys, 4), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> KnnSpectralDistance.directed(x, Arrays.copyOf(y, 59), 4));
  }

  /**
   * Jin et al.'s Table 1 (W2 on the torus over 10 repeats: ground truth 2.01 (sd 0.15), VAE 2.26
   * (0.05)) gives their Table 2's p-value 9.28e-5 with the pooled test: t = 0.25 / 0.05 = 5 on 18
   * degrees of freedom. Welch's test, on about 11 degrees of freedom, gives a larger one.
   */
  @Test
  void thePooledTTestReproducesAPublishedPValue() {
    double p = PooledTTest.pValue(2.01, 0.15, 10, 2.26, 0.05, 10);
    assertEquals(9.28e-5, p, 0.005e-5);
    double welch = new org.apache.commons.math3.stat.inference.TTest().tTest(
        new org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues(2.01, 0.0225, 10, 0, 0, 0),
        new org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues(2.26, 0.0025, 10, 0, 0, 0));
    assertTrue(welch > 2 * p, "Welch: " + welch);
    // From the repeats themselves: a constant shift of one arm leaves the variances, so the same t.
    double[] a = {1, 2, 3, 4, 5};
    double[] b = {3, 4, 5, 6, 7};
    assertEquals(PooledTTest.pValue(3, Math.sqrt(2.5), 5, 5, Math.sqrt(2.5), 5), PooledTTest.pValue(a, b), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> PooledTTest.pValue(new double[] {1}, b));
  }

  /**
   * The null moments against random relabellings: 20,000 permutations of the labels of the pooled
   * points, whose mean and variance of T must match E0 and V0 within 4 standard errors, at two
   * lambdas. The standard error of the variance is that of the mean of (T - mean)^2.
   */
  @Test
  void theGraphStatisticsNullMomentsMatchRandomRelabelling() {
    SplittableRandom random = new SplittableRandom(12);
    double[][] reals = gaussian(random, 14, 2, 1);
    double[][] fakes = gaussian(random, 10, 2, 1.3);
    double[][] pooled = GraphDivergence.pool(reals, fakes);
    for (double lambda : new double[] {0.1, 1}) {
      GraphDivergence.Statistic s = GraphDivergence.of(reals, fakes, lambda);
      double[][] w = GraphDivergence.softmaxWeights(pooled, lambda);
      int draws = 20_000;
      double[] t = new double[draws];
      int[] labels = new int[pooled.length];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = i < reals.length ? 0 : 1;
      }
      for (int r = 0; r < draws; r++) {
        for (int i = labels.length - 1; i > 0; i--) {
          swap(labels, i, random.nextInt(i + 1));
        }
        for (int i = 0; i < labels.length; i++) {
          for (int j = 0; j < labels.length; j++) {
            t[r] += labels[i] != labels[j] ? w[i][j] : 0;
          }
        }
      }
      double mean = Arrays.stream(t).average().orElseThrow();
      double[] squares = Arrays.stream(t).map(v -> (v - mean) * (v - mean)).toArray();
      double variance = Arrays.stream(squares).sum() / (draws - 1);
      double meanSe = Math.sqrt(variance / draws);
      double varianceSe = Math.sqrt(Arrays.stream(squares).map(q -> (q - variance) * (q - variance)).sum() / (draws - 1) / draws);
      assertEquals(2.0 * 14 * 10 / 23, s.nullMean(), 1e-12, "E0 = 2 n0 n1 / (n - 1)");
      assertEquals(s.nullMean(), mean, 4 * meanSe, "lambda " + lambda);
      assertEquals(s.nullVariance(), variance, 4 * varianceSe, "lambda " + lambda);
    }
  }

  @Test
  void theGraphStatisticSeparatesShiftedSamplesAndMixesJitteredOnes() {
    SplittableRandom random = new SplittableRandom(13);
    double[][] reals = gaussian(random, 40, 3, 1);
    double[][] far = Arrays.stream(reals).map(p -> new double[] {p[0] + 50, p[1], p[2]}).toArray(double[][]::new);
    GraphDivergence.Statistic apart = GraphDivergence.of(reals, far, 0.1);
    assertEquals(0, apart.t(), 1e-9, "no weight crosses a gap of 50 at lambda 0.1");
    assertTrue(apart.standardised() < -5, "t " + apart.standardised());
    double[][] jittered = Arrays.stream(reals).map(p -> new double[] {p[0] + 1e-6, p[1], p[2]}).toArray(double[][]::new);
    GraphDivergence.Statistic mixed = GraphDivergence.of(reals, jittered, 0.1);
    // Each point's nearest is its own copy, of the other label, so T is near n = 80 (79.05 here: at lambda 0.1 the nearest other
    // points still carry a few per cent of the weight), against a null mean of 2 * 40 * 40 / 79 = 40.5.
    assertTrue(mixed.t() > 0.95 * 80, "T " + mixed.t());
    assertTrue(mixed.standardised() > 0, "t " + mixed.standardised());
  }

  @Test
  void theOrthogonalityPenaltyVanishesOnOrthogonalChunksAndIgnoresTheirScale() {
    // Three chunks of 3: the standard basis, scaled and signed, then a rotated basis.
    double[][] orthogonal = {{2, 0, 0, 0, -3, 0, 0, 0, 0.5}, {0.6, 0.8, 0, -0.8, 0.6, 0, 0, 0, 7}};
    // The 1e-8 guard in each chunk's norm leaves the diagonal of G short of 1 by about 2e-8 / |chunk|.
    assertEquals(0, OrthogonalityPenalty.of(orthogonal, 3), 1e-7);
    double[][] equal = {{1, 2, 3, 1, 2, 3, 1, 2, 3}};
    assertEquals(Math.sqrt(3 * 2), OrthogonalityPenalty.of(equal, 3), 1e-7, "k equal chunks: sqrt(k (k - 1)), not the spectral k - 1");
    SplittableRandom random = new SplittableRandom(5);
    double[][] codes = gaussian(random, 20, 12, 1);
    double[][] rescaled = Arrays.stream(codes).map(z -> {
      double[] w = z.clone();
      for (int c = 4; c < 8; c++) {
        w[c] *= 9.5;
      }
      return w;
    }).toArray(double[][]::new);
    assertEquals(OrthogonalityPenalty.of(codes, 3), OrthogonalityPenalty.of(rescaled, 3), 1e-7, "a chunk's scale does not matter, up to the guard");
    // The mean over codes of per-code penalties, each against a two-chunk closed form: |G - I|_F = sqrt(2) |cos angle|.
    double[][] pair = {{1, 0, Math.cos(0.3), Math.sin(0.3)}, {0, 1, 1, 0}};
    assertEquals((Math.sqrt(2) * Math.cos(0.3) + 0) / 2, OrthogonalityPenalty.of(pair, 2), 1e-8);
    assertThrows(IllegalArgumentException.class, () -> OrthogonalityPenalty.of(codes, 5));
  }

  @Test
  void badSamplesAreRefused() {
    double[][] x = {{0, 1}, {1, 0}, {2, 2}};
    assertThrows(IllegalArgumentException.class, () -> EmpiricalW2.of(x, new double[][] {{0}, {1}, {2}}));
    assertThrows(IllegalArgumentException.class, () -> FrechetDistance.of(x, new double[][] {{0, Double.NaN}, {1, 1}}));
    assertThrows(IllegalArgumentException.class, () -> DensityCoverage.of(x, new double[0][], 1));
    IllegalArgumentException k = assertThrows(IllegalArgumentException.class, () -> DensityCoverage.of(x, x, 3));
    assertTrue(k.getMessage().contains("k must be in 1..2"), k.getMessage());
  }
}
