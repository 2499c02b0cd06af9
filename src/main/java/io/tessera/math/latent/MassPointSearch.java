package io.tessera.math.latent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Mass-like points made operational (docs/methods/latent-curvature.md, Tessera's implementation,
 * and Mass-like points: what is climbed and what is kept). Each start (a grid maximum, or a
 * reference code in Monte Carlo runs) climbs log rho = log p - log sqrt(det g) by gradient ascent:
 * rho is a scalar, so its maxima do not depend on the chart, unlike the coordinate density p's.
 * Ascents that end within half a bandwidth of each other merge; maxima below 5% of the largest rho,
 * or holding less mass within one bandwidth than a bar (1% by default), are dropped; each keeps the
 * majority label of the labelled codes within one bandwidth.
 */
public final class MassPointSearch {
  public static final double MIN_RELATIVE_DENSITY = 0.05;
  /**
   * Our default bar on the mass within one bandwidth (docs/methods/latent-curvature.md, Mass-like
   * points: what is climbed and what is kept).
   */
  public static final double DEFAULT_MIN_LOCAL_MASS = 0.01;
  static final int BALL_DRAWS = 4096;
  private static final int MAX_STEPS = 300;
  /** Steps grow while they succeed, so wide bumps (many bandwidths across) are climbed in few steps. */
  private static final double MAX_RATE = 1024;
  /** An ascent has converged when its step is this many bandwidths. */
  private static final double CONVERGED = 1e-6;

  /** A coordinate density and its gradient, {p, dp/dz^1, ..., dp/dz^n}; rho = p / sqrt(det g). */
  public interface Density {
    double[] densityAndGradient(double[] z);
  }

  /** The decoder's geometry at a latent point. */
  public interface Geometry {
    PointGeometry at(double[] z);
  }

  public record Start(long id, double[] z) {}

  /** Codes with their samples' ids and labels (null where a sample has none). */
  public record LabelledCodes(long[] ids, double[][] codes, Integer[] labels) {}

  /**
   * @param box {lo, hi}: maxima outside it are dropped (they belong to the box's edge); null for none
   * @param seed of the draws that measure the mass within one bandwidth
   * @param minLocalMass maxima with less mass within one bandwidth are dropped
   */
  public record Settings(Bandwidth bandwidth, double[][] box, long seed, double minLocalMass) {}

  private final Density density;
  private final Geometry geometry;
  private final Settings settings;

  public MassPointSearch(Density density, Geometry geometry, Settings settings) {
    this.density = density;
    this.geometry = geometry;
    this.settings = settings;
  }

  /**
   * Ascends from every start and keeps the maxima that pass the 5% and local-mass bars, densest first.
   *
   * @param largestSeen the largest rho among the run's points, so that the 5% bar holds against the whole field
   */
  public List<LatentSummary.MassPoint> search(List<Start> starts, double largestSeen, LabelledCodes labelled) {
    List<LatentSummary.MassPoint> ends = new ArrayList<>();
    for (Start s : starts) {
      Level top = ascend(s.z());
      if (top != null && inBox(top.z)) {
        ends.add(new LatentSummary.MassPoint(s.id(), top.z, Math.exp(top.logRho), Double.NaN, null));
      }
    }
    ends.sort(Comparator.comparingDouble(LatentSummary.MassPoint::density).reversed()
        .thenComparingLong(LatentSummary.MassPoint::pointId));
    // Merge first, densest end kept, so that a lower end beside a dropped maximum does not stand in for it.
    List<LatentSummary.MassPoint> merged = new ArrayList<>();
    for (LatentSummary.MassPoint m : ends) {
      if (merged.stream().noneMatch(k -> settings.bandwidth().distance2(k.z(), m.z()) < 0.25)) {
        merged.add(m);
      }
    }
    double largest = ends.stream().mapToDouble(LatentSummary.MassPoint::density).reduce(largestSeen, Math::max);
    List<LatentSummary.MassPoint> kept = new ArrayList<>();
    for (LatentSummary.MassPoint m : merged) {
      if (m.density() < MIN_RELATIVE_DENSITY * largest) {
        continue;
      }
      double mass = localMass(m.z(), m.pointId());
      if (mass >= settings.minLocalMass()) {
        kept.add(new LatentSummary.MassPoint(m.pointId(), m.z(), m.density(), mass, majorityLabel(m.z(), labelled, settings.bandwidth())));
      }
    }
    return kept;
  }

  /** log rho and its gradient at one point; null where rho is zero or the metric degenerate. */
  private record Level(double[] z, double logRho, double[] gradient) {}

  private Level level(double[] z) {
    double[] p = density.densityAndGradient(z);
    if (!(p[0] > 0)) {
      return null;
    }
    PointGeometry g = geometry.at(z);
    if (g.degenerate() || !Double.isFinite(g.logSqrtDetG())) {
      return null;
    }
    double[] gradient = new double[z.length];
    for (int k = 0; k < z.length; k++) {
      gradient[k] = p[k + 1] / p[0] - g.gradLogSqrtDetG()[k];
    }
    return new Level(z, Math.log(p[0]) - g.logSqrtDetG(), gradient);
  }

  /**
   * Gradient ascent on log rho with steps rate Sigma grad (rate 1 reaches the top of a Gaussian bump
   * one bandwidth wide) and backtracking: a step is taken only if log rho rises, halved until it
   * does, and doubled after it did.
   */
  Level ascend(double[] start) {
    Level at = level(start);
    if (at == null) {
      return null;
    }
    double rate = 1;
    for (int step = 0; step < MAX_STEPS; step++) {
      double[] direction = settings.bandwidth().step(at.gradient);
      double length = Math.sqrt(GaussCurvature.dot(direction, at.gradient));
      if (!(length * rate > CONVERGED)) {
        break;
      }
      Level next = null;
      while (next == null && length * rate > CONVERGED) {
        double[] z = at.z.clone();
        for (int k = 0; k < z.length; k++) {
          z[k] += rate * direction[k];
        }
        Level candidate = level(z);
        if (candidate != null && candidate.logRho > at.logRho) {
          next = candidate;
        } else {
          rate /= 2;
        }
      }
      if (next == null) {
        break;
      }
      at = next;
      rate = Math.min(MAX_RATE, 2 * rate);
    }
    return at;
  }

  /**
   * The mass of rho within one bandwidth, the integral of rho dmu = p dz over the ellipsoid, by
   * uniform draws seeded by the run's seed and the start.
   */
  double localMass(double[] centre, long id) {
    SplittableRandom random = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + id);
    double sum = 0;
    for (int i = 0; i < BALL_DRAWS; i++) {
      sum += Math.max(0, density.densityAndGradient(settings.bandwidth().ballPoint(centre, random))[0]);
    }
    return settings.bandwidth().ballVolume() * sum / BALL_DRAWS;
  }

  /** The most common label of the codes within one bandwidth (ties to the smaller label); null if none has one. */
  public static Integer majorityLabel(double[] z, LabelledCodes labelled, Bandwidth bandwidth) {
    if (labelled == null) {
      return null;
    }
    TreeMap<Integer, Integer> counts = new TreeMap<>();
    for (int i = 0; i < labelled.codes().length; i++) {
      if (labelled.labels()[i] != null && bandwidth.distance2(labelled.codes()[i], z) <= 1) {
        counts.merge(labelled.labels()[i], 1, Integer::sum);
      }
    }
    Integer best = null;
    for (var e : counts.entrySet()) {
      best = best == null || e.getValue() > counts.get(best) ? e.getKey() : best;
    }
    return best;
  }

  private boolean inBox(double[] z) {
    if (settings.box() == null) {
      return true;
    }
    for (int k = 0; k < z.length; k++) {
      if (z[k] < settings.box()[0][k] || z[k] > settings.box()[1][k]) {
        return false;
      }
    }
    return true;
  }
}
