package io.tessera.math.diffusion;

import java.util.Arrays;

/**
 * ROC-AUC with out-of-distribution as the positive class (digest §4.5): the Mann-Whitney statistic
 * from average ranks of the pooled scores, so ties count one half. Values below 0.5 are kept.
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
}
