package io.tessera.math.diffusion;

import java.util.Arrays;

/**
 * ROC-AUC with out-of-distribution as the positive class
 * (docs/methods/diffusion-likelihood-and-lmd.md, LMD: lift, map, detect): the Mann-Whitney
 * statistic from average ranks of the pooled scores, so ties count one half. Values below 0.5 are kept.
 */
public final class RocAuc {
  private RocAuc() {}

  public static double of(double[] inDistribution, double[] outOfDistribution) {
    int ni = inDistribution.length;
    int no = outOfDistribution.length;
    if (ni == 0 || no == 0) {
      throw new IllegalArgumentException("an AUC needs scores of both classes, got " + ni + " in- and " + no + " out-of-distribution");
    }
    double[][] pooled = new double[ni + no][];
    for (int i = 0; i < ni; i++) {
      pooled[i] = new double[] {inDistribution[i], 0};
    }
    for (int i = 0; i < no; i++) {
      pooled[ni + i] = new double[] {outOfDistribution[i], 1};
    }
    Arrays.sort(pooled, (a, b) -> Double.compare(a[0], b[0]));
    double rankSum = 0;
    for (int start = 0; start < pooled.length; ) {
      int end = start;
      while (end + 1 < pooled.length && pooled[end + 1][0] == pooled[start][0]) {
        end++;
      }
      double averageRank = (start + end) / 2.0 + 1;
      for (int k = start; k <= end; k++) {
        rankSum += pooled[k][1] * averageRank;
      }
      start = end + 1;
    }
    return (rankSum - no * (no + 1) / 2.0) / ((double) no * ni);
  }

  /**
   * The ROC curve as {false positive rates, true positive rates}, from (0, 0) to (1, 1): one point
   * per distinct threshold, scores at or above it called out-of-distribution, so tied scores move
   * both rates at once and the trapezoid area under the curve equals {@link #of}.
   */
  public static double[][] curve(double[] inDistribution, double[] outOfDistribution) {
    of(inDistribution, outOfDistribution); // the same checks
    double[] in = inDistribution.clone();
    double[] out = outOfDistribution.clone();
    Arrays.sort(in);
    Arrays.sort(out);
    double[] thresholds = java.util.stream.DoubleStream.concat(Arrays.stream(in), Arrays.stream(out)).distinct()
        .boxed().sorted(java.util.Comparator.reverseOrder()).mapToDouble(Double::doubleValue).toArray();
    double[] fpr = new double[thresholds.length + 1];
    double[] tpr = new double[thresholds.length + 1];
    for (int i = 0; i < thresholds.length; i++) {
      fpr[i + 1] = atOrAbove(in, thresholds[i]) / (double) in.length;
      tpr[i + 1] = atOrAbove(out, thresholds[i]) / (double) out.length;
    }
    return new double[][] {fpr, tpr};
  }

  /** How many of the sorted {@code values} are >= threshold. */
  private static int atOrAbove(double[] sorted, double threshold) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < threshold) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return sorted.length - lo;
  }
}
