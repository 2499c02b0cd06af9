package io.tessera.math;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * The mean of a sample with its Student-t confidence interval, mean ± t_{n-1, (1+level)/2} s / √n,
 * plus the spread a paper's table reports beside it (sd, min, max). With one value the interval
 * is undefined and both ends are NaN.
 *
 * @param n values that went in
 * @param mean their mean
 * @param sd sample standard deviation (n - 1 in the denominator); NaN when n = 1
 * @param low lower end of the interval
 * @param high upper end
 * @param min smallest value
 * @param max largest value
 */
public record MeanInterval(int n, double mean, double sd, double low, double high, double min, double max) {

  /** The 95% interval of {@code values}, which must be non-empty and finite. */
  public static MeanInterval of95(double[] values) {
    return of(values, 0.95);
  }

  public static MeanInterval of(double[] values, double level) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must lie in (0, 1), got " + level);
    }
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("value " + v + " is not finite");
      }
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    int n = values.length;
    double mean = sum / n;
    if (n == 1) {
      return new MeanInterval(1, mean, Double.NaN, Double.NaN, Double.NaN, min, max);
    }
    double sd = new StandardDeviation().evaluate(values, mean); // n - 1 in the denominator
    double half = halfWidth(n, sd, level);
    return new MeanInterval(n, mean, sd, mean - half, mean + half, min, max);
  }

  /**
   * t_{n-1, (1+level)/2} sd / √n: the half-width of the interval for a mean known only by its
   * count and sample sd (a summary table's columns); NaN when n < 2.
   */
  public static double halfWidth(long n, double sd, double level) {
    if (n < 2) {
      return Double.NaN;
    }
    return new TDistribution(null, n - 1).inverseCumulativeProbability((1 + level) / 2) * sd / Math.sqrt(n);
  }

  /** The 95% half-width of a proportion p of n, the t-interval of n values 0 and 1 with that mean. */
  public static double proportionHalfWidth(double p, long n) {
    return halfWidth(n, Math.sqrt(p * (1 - p) * n / (n - 1.0)), 0.95);
  }

  /** "mean [low, high]" with {@code format} for each number, e.g. "%.3f". */
  public String format(String format) {
    return String.format(java.util.Locale.ROOT, format + " [" + format + ", " + format + "]", mean, low, high);
  }
}
