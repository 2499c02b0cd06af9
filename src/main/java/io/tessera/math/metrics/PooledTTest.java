package io.tessera.math.metrics;

import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The two-sided Student t-test with pooled variance, n1 + n2 - 2 degrees of freedom
 * (docs/methods/sample-metrics.md, Comparing repeats), as Jin et al. compare their W2 repeats
 * (a Welch test does not reproduce their p-values). Commons Math does the arithmetic.
 */
public final class PooledTTest {
  private PooledTTest() {}

  /** The p-value of equal means for two sets of repeats. */
  public static double pValue(double[] a, double[] b) {
    if (a.length < 2 || b.length < 2) {
      throw new IllegalArgumentException("the t-test needs at least 2 repeats per arm; got " + a.length + " and " + b.length);
    }
    return new TTest().homoscedasticTTest(a, b);
  }

  /** The same from each arm's mean, sample sd and count, as a paper's table gives them. */
  public static double pValue(double meanA, double sdA, long nA, double meanB, double sdB, long nB) {
    if (nA < 2 || nB < 2 || !(sdA >= 0) || !(sdB >= 0)) {
      throw new IllegalArgumentException("each arm needs n >= 2 and a non-negative sd");
    }
    return new TTest().homoscedasticTTest(new StatisticalSummaryValues(meanA, sdA * sdA, nA, 0, 0, 0),
        new StatisticalSummaryValues(meanB, sdB * sdB, nB, 0, 0, 0));
  }
}
