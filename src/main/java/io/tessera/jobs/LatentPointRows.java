package io.tessera.jobs;

import io.tessera.math.latent.FiniteDifferenceGeometry;
import io.tessera.math.latent.GaussCurvature;
import io.tessera.math.latent.LatentSummary;
import io.tessera.math.latent.PointGeometry;
import io.tessera.math.latent.SmoothMlpJets;
import io.tessera.model.LatentDecoder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry columns of latent_points for a batch of latent points: decoded point, metric,
 * curvature (exact MLP jets, or finite differences with their convergence flag), densities.
 *
 * @param exact whether to use the decoder's exact jets (it must have them)
 * @param scales per latent coordinate, the unit of the finite-difference step
 * @param energyC the constant c of the energy density T00 = rho + (c/2) |grad rho|^2_g
 */
record LatentPointRows(boolean exact, double[] scales, double eta, double energyC) implements Serializable {
  static final String EXACT = "exact";
  static final String FD = "fd";

  /** Columns z .. energy_density of latent_points, in order, per point. */
  List<Object[]> of(LatentDecoder decoder, double[][] points, LatentDensities densities) {
    int n = decoder.latentDim();
    PointGeometry[] geometry = new PointGeometry[points.length];
    Boolean[] converged = new Boolean[points.length];
    double[][] decoded;
    if (exact) {
      SmoothMlpJets jets = decoder.exactJets();
      decoded = new double[points.length][];
      for (int p = 0; p < points.length; p++) {
        var jet = jets.at(points[p]);
        decoded[p] = jet.value();
        geometry[p] = GaussCurvature.of(jet);
      }
    } else {
      decoded = new double[points.length][];
      FiniteDifferenceGeometry.Outcome[] outcomes = FiniteDifferenceGeometry.at(decoder::decode, points, scales, eta);
      for (int p = 0; p < points.length; p++) {
        geometry[p] = outcomes[p].geometry();
        converged[p] = outcomes[p].converged();
        decoded[p] = outcomes[p].decoded();
      }
    }
    List<Object[]> rows = new ArrayList<>(points.length);
    for (int p = 0; p < points.length; p++) {
      PointGeometry g = geometry[p];
      Double r = g.degenerate() ? null : g.scalarCurvature();
      double[] train = densities.train() == null ? null : densities.train().densityAndGradient(points[p]);
      double[] ref = densities.reference() == null ? null : densities.reference().densityAndGradient(points[p]);
      Double pRef = ref == null ? null : ref[0];
      double sqrtDet = Math.exp(g.logSqrtDetG());
      rows.add(new Object[] {
          points[p], decoded[p], g.logSqrtDetG(), g.conditionG(), g.metricUpper(), g.degenerate(), r,
          r == null || n != 2 ? null : r / 2, g.degenerate() ? null : g.meanCurvatureNorm2(), g.degenerate() ? null : g.secondFormNorm2(),
          r == null ? null : (n - 2) * r / (2.0 * n), exact ? EXACT : FD, converged[p],
          train == null ? null : train[0], pRef, train == null ? null : train[0] / sqrtDet,
          train == null || pRef == null ? null : Math.max(0, pRef - train[0]) / sqrtDet,
          train == null || g.degenerate() || !(train[0] > 0) ? null : LatentSummary.gradF2(g, train),
          train == null || g.degenerate() ? null : LatentSummary.energyDensity(g, ref == null ? train : difference(ref, train), energyC)});
    }
    return rows;
  }

  /** p_ref - p_train with its gradient: the deficit whose rho is rho_ins. */
  private static double[] difference(double[] ref, double[] train) {
    double[] d = new double[ref.length];
    for (int k = 0; k < d.length; k++) {
      d[k] = ref[k] - train[k];
    }
    return d;
  }
}
