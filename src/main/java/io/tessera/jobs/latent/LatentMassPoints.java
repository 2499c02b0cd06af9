package io.tessera.jobs.latent;

import io.tessera.math.latent.GridMaxima;
import io.tessera.math.latent.GridValue;
import io.tessera.math.latent.LatentSummary;
import io.tessera.math.latent.MassPointSearch;
import io.tessera.model.autoencoder.LatentDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's mass-like points, found on the driver with the decoder there: the grid's maxima of rho
 * (Monte Carlo runs: the first codes of the seeded subset) refined by {@link MassPointSearch}.
 * Maxima of the energy density T00 stay the grid's, since climbing T00 needs rho's second
 * derivatives; they get their labels all the same.
 *
 * @param labelled the reference codes (the training codes without a reference split): starts and labels
 */
record LatentMassPoints(LatentDecoder decoder, LatentPointRows geometry, LatentDensities densities, MassPointSearch.LabelledCodes labelled,
    long seed, double minLocalMass) {
  /** Ascents of a Monte Carlo run, which has no grid maxima to start from. */
  static final int CODE_STARTS = 32;

  /** @param box the grid's box; null for Monte Carlo runs */
  List<LatentSummary.MassPoint> of(LatentSummary.Result summary, GridValue[] values, double[][] box, boolean byEnergy) {
    var bandwidth = densities.train().bandwidth();
    if (byEnergy) {
      return summary.massPoints().stream().map(m -> new LatentSummary.MassPoint(m.pointId(), m.z(), m.density(), m.mass(),
          MassPointSearch.majorityLabel(m.z(), labelled, bandwidth))).toList();
    }
    List<MassPointSearch.Start> starts = new ArrayList<>();
    if (box != null) {
      summary.massPoints().forEach(m -> starts.add(new MassPointSearch.Start(m.pointId(), m.z())));
    } else {
      for (int i = 0; i < Math.min(CODE_STARTS, labelled.codes().length); i++) {
        starts.add(new MassPointSearch.Start(labelled.ids()[i], labelled.codes()[i]));
      }
    }
    boolean insufficiency = densities.reference() != null;
    double largest = 0;
    for (GridValue v : values) {
      largest = Math.max(largest, GridMaxima.massDensity(v, insufficiency, false));
    }
    return new MassPointSearch(densities::massNumerator, z -> geometry.geometry(decoder, z),
        new MassPointSearch.Settings(bandwidth, box, seed, minLocalMass)).search(starts, largest, labelled);
  }
}
