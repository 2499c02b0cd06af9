package io.tessera.math.latent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Geometry from finite-difference jets with a convergence check (docs/methods/latent-curvature.md,
 * Finite differences and the convergence check): R at steps eta and eta / 2 must agree to
 * 1e-4 S + 1e-14, S = |H|^2 + |II|^2 (the size of the two terms that cancel in R); points that fail
 * are retried at eta / 4 against eta / 2, and flagged when that fails too (a kink of the activation
 * inside the stencil, typically).
 */
public final class FiniteDifferenceGeometry {
  /** One point: the finer step's geometry, R at both steps compared, whether they agreed, and the decoded point (the stencils' centre). */
  public record Outcome(PointGeometry geometry, double coarseR, boolean converged, double step, double[] decoded) {}

  private FiniteDifferenceGeometry() {}

  /**
   * @param scales per latent coordinate, the unit of the step (the codes' robust spread, or 1)
   * @param eta the relative step
   */
  public static Outcome[] at(UnaryOperator<double[][]> decoder, double[][] points, double[] scales, double eta) {
    Jet[] coarseJets = jets(decoder, points, scales, eta);
    PointGeometry[] coarse = geometry(coarseJets);
    PointGeometry[] fine = geometry(jets(decoder, points, scales, eta / 2));
    Outcome[] out = new Outcome[points.length];
    List<Integer> retry = new ArrayList<>();
    for (int p = 0; p < points.length; p++) {
      if (agree(coarse[p], fine[p])) {
        out[p] = new Outcome(fine[p], coarse[p].scalarCurvature(), true, eta / 2, coarseJets[p].value());
      } else {
        retry.add(p);
      }
    }
    if (!retry.isEmpty()) {
      double[][] again = retry.stream().map(p -> points[p]).toArray(double[][]::new);
      PointGeometry[] finer = geometry(jets(decoder, again, scales, eta / 4));
      for (int k = 0; k < again.length; k++) {
        int p = retry.get(k);
        out[p] = new Outcome(finer[k], fine[p].scalarCurvature(), agree(fine[p], finer[k]), eta / 4, coarseJets[p].value());
      }
    }
    return out;
  }

  private static boolean agree(PointGeometry coarse, PointGeometry fine) {
    if (coarse.degenerate() || fine.degenerate()) {
      return coarse.degenerate() == fine.degenerate();
    }
    double scale = fine.meanCurvatureNorm2() + fine.secondFormNorm2();
    return Math.abs(coarse.scalarCurvature() - fine.scalarCurvature()) <= 1e-4 * scale + 1e-14;
  }

  private static Jet[] jets(UnaryOperator<double[][]> decoder, double[][] points, double[] scales, double eta) {
    double[] steps = new double[scales.length];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = eta * scales[i];
    }
    return FiniteDifferenceJets.of(decoder, points, steps);
  }

  private static PointGeometry[] geometry(Jet[] jets) {
    PointGeometry[] g = new PointGeometry[jets.length];
    for (int p = 0; p < jets.length; p++) {
      g[p] = GaussCurvature.of(jets[p]);
    }
    return g;
  }
}
