package io.tessera.math.polytope;

import io.tessera.math.BitPatterns;
import io.tessera.math.MlpWeights;

/**
 * The region of one sample, measured (Liu Tables 2, 6 and 7): its constraints, its facets (active
 * bits), its Chebyshev ball and the sample's distance to the nearest facet. Everything is float64
 * on the exported weights, so the sample is inside its own region by construction.
 *
 * @param region the sample's polytope
 * @param layerBits the pattern per hidden layer, as {@link io.tessera.math.BitPatterns#hash} takes it
 * @param facets active rows, ascending ({@link FacetSearch}); null when they were not asked for
 * @param radius Chebyshev radius; +Infinity when the region is unbounded and no box is given
 * @param centreNorm Euclidean norm of the Chebyshev centre; NaN when the radius is infinite
 * @param facetDistance distance from the sample to the nearest facet hyperplane, i.e. to the
 *     region's boundary
 * @param margin min |z_k| over the hidden units: how far float32 rounding is from flipping a bit
 */
public record SampleRegion(Polytope region, long[][] layerBits, int[] facets, double radius, double centreNorm, double facetDistance, double margin) {

  /**
   * Measures the region of {@code x}; {@code lo}/{@code hi} (both or neither) bound the Chebyshev
   * ball to a box. A sample exactly on a unit's hyperplane (margin 0, bit 0 by convention) lies on
   * its region's boundary: it gets facet distance 0, and the facets come from the ball's centre
   * as always.
   */
  public static SampleRegion of(MlpWeights net, double[] x, double[] lo, double[] hi) {
    return of(net, x, lo, hi, FacetProgress.NONE);
  }

  /** As {@link #of(MlpWeights, double[], double[], double[])}, with the facet computation's progress reports. */
  public static SampleRegion of(MlpWeights net, double[] x, double[] lo, double[] hi, FacetProgress progress) {
    return measure(net, x, lo, hi, progress);
  }

  /**
   * Everything but the facets: one Chebyshev LP instead of a facet computation (Liu Tables 6 and 7
   * need only the ball). The facet distance is the same number, because the nearest boundary
   * hyperplane of a polytope is always a facet's (a redundant row's hyperplane lies beyond it).
   */
  public static SampleRegion withoutFacets(MlpWeights net, double[] x, double[] lo, double[] hi) {
    return measure(net, x, lo, hi, null);
  }

  /** {@code progress} null: skip the facets. */
  private static SampleRegion measure(MlpWeights net, double[] x, double[] lo, double[] hi, FacetProgress progress) {
    MlpWeights.Evaluation evaluation = net.evaluate(x);
    double margin = Double.POSITIVE_INFINITY;
    double[][] z = evaluation.preActivations();
    long[][] layerBits = new long[z.length][];
    for (int l = 0; l < z.length; l++) {
      layerBits[l] = BitPatterns.packPositive(z[l], 0, z[l].length);
      for (double value : z[l]) {
        margin = Math.min(margin, Math.abs(value));
      }
    }
    Polytope region = Polytope.of(net, net.pattern(x));
    ChebyshevBall ball = ChebyshevBall.of(region, lo, hi);
    int[] facets = null;
    if (progress != null) {
      // Rays from a well-centred point reach far more facets than rays from a sample near a wall.
      facets = FacetSearch.find(region, ball.centre() != null && ball.radius() > 0 ? ball.centre() : null, progress);
    }
    double centreNorm = ball.centre() == null ? Double.NaN : Polytope.norm(ball.centre());
    return new SampleRegion(region, layerBits, facets, ball.radius(), centreNorm, boundaryDistance(region, x), margin);
  }

  /** min over rows of slack / |a_k|: the distance from x to the nearest hyperplane of the region's boundary. */
  private static double boundaryDistance(Polytope region, double[] x) {
    double[] slack = region.slack(x);
    double distance = Double.POSITIVE_INFINITY;
    for (int row = 0; row < slack.length; row++) {
      double norm = Polytope.norm(region.a()[row]);
      if (norm > 0) { // a zero row (a dead unit) has no hyperplane
        distance = Math.min(distance, slack[row] / norm);
      }
    }
    return distance;
  }
}
