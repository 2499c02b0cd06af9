package io.tessera.jobs.latent;

import io.tessera.math.latent.FiniteDifferenceGeometry;
import io.tessera.math.latent.GaussCurvature;
import io.tessera.math.latent.PointGeometry;
import io.tessera.math.latent.SmoothMlpJets;
import io.tessera.math.riemann.RicciCurvature;
import io.tessera.model.autoencoder.LatentDecoder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry columns of latent_points for a batch of latent points: decoded point, metric,
 * curvature (exact MLP jets, or finite differences with their convergence flag), densities.
 *
 * @param route exact or ricci (the decoder's exact jets, which it must have; ricci takes R from the
 *     Christoffel symbols instead of the Gauss equation) or fd
 * @param scales per latent coordinate, the unit of the finite-difference step
 * @param energyC the constant c of the energy density T00 = rho + (c/2) |grad rho|^2
 * @param energyMetric whether |grad rho|^2 is taken with g^ij (metric) or summed over coordinates (the seed's form)
 */
record LatentPointRows(String route, double[] scales, double eta, double energyC, boolean energyMetric) implements Serializable {
  static final String EXACT = "exact";
  static final String FD = "fd";
  static final String RICCI = "ricci";
  /** The Christoffel route's difference step, times each coordinate's scale: fourth-order differences want a step near ε^(1/5). */
  static final double RICCI_STEP = 1e-3;

  /** The geometry at one point, for searches on the driver (fd points that fail the check keep the finer step's). */
  PointGeometry geometry(LatentDecoder decoder, double[] z) {
    return computed(decoder, new double[][] {z}).geometry()[0];
  }

  /** Geometry, decoded point and (fd only) convergence flag per point. */
  private record Computed(PointGeometry[] geometry, double[][] decoded, Boolean[] converged) {}

  private Computed computed(LatentDecoder decoder, double[][] points) {
    PointGeometry[] geometry = new PointGeometry[points.length];
    Boolean[] converged = new Boolean[points.length];
    double[][] decoded = new double[points.length][];
    if (!route.equals(FD)) {
      SmoothMlpJets jets = decoder.exactJets();
      double[] steps = new double[scales.length];
      for (int k = 0; k < steps.length; k++) {
        steps[k] = RICCI_STEP * scales[k];
      }
      for (int p = 0; p < points.length; p++) {
        var jet = jets.at(points[p]);
        decoded[p] = jet.value();
        geometry[p] = GaussCurvature.of(jet);
        if (route.equals(RICCI) && !geometry[p].degenerate()) {
          geometry[p] = geometry[p].withScalarCurvature(RicciCurvature.at(z -> RicciCurvature.ofJet(jets.at(z)), points[p], steps).scalar());
        }
      }
    } else {
      FiniteDifferenceGeometry.Outcome[] outcomes = FiniteDifferenceGeometry.at(decoder::decode, points, scales, eta);
      for (int p = 0; p < points.length; p++) {
        geometry[p] = outcomes[p].geometry();
        converged[p] = outcomes[p].converged();
        decoded[p] = outcomes[p].decoded();
      }
    }
    return new Computed(geometry, decoded, converged);
  }

  /** Columns z .. energy_density of latent_points, in order, per point. */
  List<Object[]> of(LatentDecoder decoder, double[][] points, LatentDensities densities) {
    int n = decoder.latentDim();
    Computed c = computed(decoder, points);
    PointGeometry[] geometry = c.geometry();
    Boolean[] converged = c.converged();
    double[][] decoded = c.decoded();
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
          r == null ? null : (n - 2) * r / (2.0 * n), route, converged[p],
          train == null ? null : train[0], pRef, train == null ? null : train[0] / sqrtDet,
          train == null || pRef == null ? null : Math.max(0, pRef - train[0]) / sqrtDet,
          train == null || g.degenerate() || !(train[0] > 0) ? null : g.gradF2(train),
          train == null || g.degenerate() ? null : g.energyDensity(ref == null ? train : LatentDensities.deficit(ref, train), energyC, energyMetric)});
    }
    return rows;
  }
}
