package io.tessera.math.topology;

import java.util.List;

/**
 * The persistence intervals of one Vietoris–Rips filtration, per homology dimension, each a
 * {birth, death} row with death = +infinity for a class still alive at the threshold. Zero-length
 * intervals are not kept.
 *
 * @param points how many points the filtration was built on
 * @param threshold the largest diameter in the filtration (edge-length units)
 * @param prime the coefficient field Z/p
 * @param intervals intervals.get(k) is the H_k diagram, sorted by birth then death
 */
public record PersistenceDiagram(int points, double threshold, int prime, List<double[][]> intervals) {

  public int maxDimension() {
    return intervals.size() - 1;
  }

  public double[][] dimension(int k) {
    return intervals.get(k);
  }

  /** beta_k(eps) = #{(b, d) in D_k : b <= eps < d}, the rank of H_k of the complex at scale eps. */
  public int betti(int k, double eps) {
    int count = 0;
    for (double[] interval : intervals.get(k)) {
      if (interval[0] <= eps && eps < interval[1]) {
        count++;
      }
    }
    return count;
  }

  /** (beta_0, ..., beta_q) at one scale. */
  public int[] betti(double eps) {
    int[] betti = new int[intervals.size()];
    for (int k = 0; k < betti.length; k++) {
      betti[k] = betti(k, eps);
    }
    return betti;
  }
}
