package io.tessera.math.diffusion;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

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
   * DeLong's 95% interval for the AUC (DeLong, DeLong and Clarke-Pearson 1988;
   * docs/methods/diffusion-likelihood-and-lmd.md, AUC intervals), {low, high}: with the placement
   * values V_o = P(in < o) + ½ P(in = o) of each out-of-distribution score and V_i = P(out > i)
   * + ½ P(out = i) of each in-distribution one, Var(AUC) = s²(V_o)/n_out + s²(V_i)/n_in, and the
   * interval is AUC ± 1.96 √Var, cut to [0, 1]. Written pairwise, O(n_in n_out): the job computes
   * the same numbers from ranks in SQL, and this is its reference.
   */
  public static double[] delong95(double[] inDistribution, double[] outOfDistribution) {
    double auc = of(inDistribution, outOfDistribution);
    int ni = inDistribution.length;
    int no = outOfDistribution.length;
    if (ni < 2 || no < 2) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double[] placeOut = new double[no];
    double[] placeIn = new double[ni];
    for (int o = 0; o < no; o++) {
      for (int i = 0; i < ni; i++) {
        double psi = outOfDistribution[o] > inDistribution[i] ? 1 : outOfDistribution[o] == inDistribution[i] ? 0.5 : 0;
        placeOut[o] += psi / ni;
        placeIn[i] += psi / no;
      }
    }
    Variance variance = new Variance(); // n - 1 in the denominator
    double half = 1.959963984540054 * Math.sqrt(variance.evaluate(placeOut) / no + variance.evaluate(placeIn) / ni);
    return new double[] {Math.max(0, auc - half), Math.min(1, auc + half)};
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
