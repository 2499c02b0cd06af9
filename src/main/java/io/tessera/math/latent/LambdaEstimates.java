package io.tessera.math.latent;

import io.tessera.math.WeightedQuantiles;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Lambda-hat from the vacuum points, the regime and NIS (docs/methods/latent-curvature.md, The
 * quantities), and their bootstrap errors in Monte Carlo runs.
 */
final class LambdaEstimates {
  private LambdaEstimates() {}

  /** Resamples behind {@link LatentSummary.Bootstrap}: the standard error of a standard error is then about 5%. */
  static final int REPLICATES = 200;
  private static final long BOOTSTRAP_SEED = 20_240_601L;

  /**
   * Lambda-hat, NIS and DIS recomputed on {@link #REPLICATES} resamples of the draws (the points
   * that are not degenerate), and their sample standard deviations. DIS is NaN without a reference set.
   *
   * @param dmu each point's weight sqrt(det g) / proposal on the domain, 0 off it
   * @param coordinate each point's weight 1 / proposal on the domain (coordinate volume), 0 off it
   * @param deficit each point's max(0, p_ref - p_train) / proposal on the box
   */
  static LatentSummary.Bootstrap bootstrap(GridValue[] points, double[] dmu, double[] coordinate, double[] deficit, int n, boolean hasRef,
      double ell2, double cN) {
    int[] used = java.util.stream.IntStream.range(0, points.length).filter(k -> !points[k].degenerate()).toArray();
    if (used.length < 2) {
      return LatentSummary.Bootstrap.NONE;
    }
    java.util.SplittableRandom random = new java.util.SplittableRandom(BOOTSTRAP_SEED);
    double[] lambdas = new double[REPLICATES];
    double[] nis = new double[REPLICATES];
    double[] dis = new double[REPLICATES];
    GridValue[] resample = new GridValue[used.length];
    double[] w = new double[used.length];
    double[] c = new double[used.length];
    boolean[] mask = new boolean[used.length];
    for (int b = 0; b < REPLICATES; b++) {
      double deficitSum = 0;
      for (int i = 0; i < resample.length; i++) {
        int k = used[random.nextInt(used.length)];
        resample[i] = points[k];
        w[i] = dmu[k];
        c[i] = coordinate[k];
        mask[i] = dmu[k] > 0;
        deficitSum += deficit[k];
      }
      double[] lambda = statistics(resample, mask, n, hasRef, w, c);
      lambdas[b] = lambda[0];
      nis[b] = nis(n, lambda, ell2, cN);
      dis[b] = hasRef ? deficitSum / resample.length : Double.NaN;
    }
    StandardDeviation sd = new StandardDeviation(); // n - 1 in the denominator; NaN if any value is
    return new LatentSummary.Bootstrap(sd.evaluate(lambdas), sd.evaluate(nis), sd.evaluate(dis));
  }

  /**
   * {Lambda-hat, its IQR, its 10% trimmed mean, the median mean sectional curvature}: per point
   * lambda = (n - 2) R / (2n), weighted by dmu over the vacuum points: those whose rho_ins is at
   * most its median over the mask, a median in coordinate volume (every mask point is vacuum
   * without a reference set).
   *
   * @param weights each point's dmu
   * @param coordinate each point's coordinate volume (equal on a grid; 1 / proposal density for Monte Carlo)
   */
  static double[] statistics(GridValue[] points, boolean[] mask, int n, boolean hasRef, double[] weights, double[] coordinate) {
    double threshold = Double.POSITIVE_INFINITY;
    if (hasRef) {
      List<Integer> in = new ArrayList<>();
      for (int k = 0; k < points.length; k++) {
        if (mask[k]) {
          in.add(k);
        }
      }
      WeightedQuantiles ins = new WeightedQuantiles(in.stream().mapToDouble(k -> points[k].insufficiencyDensity()).toArray(),
          in.stream().mapToDouble(k -> coordinate[k]).toArray());
      threshold = ins.isEmpty() ? 0 : ins.quantile(0.5);
    }
    List<double[]> vacuum = new ArrayList<>();
    for (int k = 0; k < points.length; k++) {
      if (mask[k] && (!hasRef || points[k].insufficiencyDensity() <= threshold)) {
        vacuum.add(new double[] {points[k].scalarCurvature(), weights[k]});
      }
    }
    double[] lambdas = new double[vacuum.size()];
    double[] kbar = new double[vacuum.size()];
    double[] vacuumWeights = new double[vacuum.size()];
    for (int i = 0; i < lambdas.length; i++) {
      lambdas[i] = (n - 2) * vacuum.get(i)[0] / (2.0 * n);
      kbar[i] = n > 1 ? vacuum.get(i)[0] / (n * (n - 1.0)) : 0;
      vacuumWeights[i] = vacuum.get(i)[1];
    }
    WeightedQuantiles l = new WeightedQuantiles(lambdas, vacuumWeights);
    return new double[] {l.quantile(0.5), l.quantile(0.75) - l.quantile(0.25), l.trimmedMean(0.1),
        new WeightedQuantiles(kbar, vacuumWeights).quantile(0.5)};
  }

  /** Lambda's sign as the regime; every 2-D metric gives Lambda = 0, so there it is undefined. */
  static String regime(int n, double lambdaHat) {
    return n == 2 ? "undefined_2d" : n < 2 ? "flat" : lambdaHat > 0 ? "dS" : lambdaHat < 0 ? "AdS" : "flat";
  }

  /** NIS = 1 - exp(-|Lambda| ell^2 / c_N), with the median mean sectional curvature in place of Lambda in 2-D. */
  static double nis(int n, double[] lambda, double ell2, double cN) {
    return 1 - Math.exp(-(n == 2 ? Math.abs(lambda[3]) : Math.abs(lambda[0])) * ell2 / cN);
  }
}
