package io.tessera.math;

import java.util.Arrays;
import java.util.Comparator;

/** Quantiles and trimmed means of values with non-negative weights (the dmu-weighted statistics of Lambda). */
public final class WeightedQuantiles {
  private final double[] values;
  private final double[] cumulative;

  public WeightedQuantiles(double[] values, double[] weights) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
    this.values = new double[values.length];
    this.cumulative = new double[values.length];
    double sum = 0;
    for (int k = 0; k < order.length; k++) {
      this.values[k] = values[order[k]];
      sum += weights[order[k]];
      cumulative[k] = sum;
    }
  }

  public boolean isEmpty() {
    return values.length == 0 || cumulative[cumulative.length - 1] <= 0;
  }

  /** The smallest value whose cumulative weight reaches q of the total. */
  public double quantile(double q) {
    if (isEmpty()) {
      return Double.NaN;
    }
    double target = q * cumulative[cumulative.length - 1];
    for (int k = 0; k < values.length; k++) {
      if (cumulative[k] >= target) {
        return values[k];
      }
    }
    return values[values.length - 1];
  }

  /** Weighted mean of the values between the trim and 1 - trim quantiles. */
  public double trimmedMean(double trim) {
    if (isEmpty()) {
      return Double.NaN;
    }
    double total = cumulative[cumulative.length - 1];
    double lo = trim * total;
    double hi = (1 - trim) * total;
    double sum = 0;
    double weight = 0;
    double previous = 0;
    for (int k = 0; k < values.length; k++) {
      double w = Math.max(0, Math.min(cumulative[k], hi) - Math.max(previous, lo));
      sum += w * values[k];
      weight += w;
      previous = cumulative[k];
    }
    return sum / weight;
  }
}
