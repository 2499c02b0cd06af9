package io.tessera.math.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class MassPointSearchTest {
  private static final UnaryOperator<double[]> FLAT = p -> new double[] {p[0], p[1], 0};

  /** w N(mu, s^2 I) in 2-D with its gradient. */
  private static double[] gaussian(double[] z, double w, double[] mu, double s) {
    double dx = z[0] - mu[0];
    double dy = z[1] - mu[1];
    double p = w * Math.exp(-(dx * dx + dy * dy) / (2 * s * s)) / (2 * Math.PI * s * s);
    return new double[] {p, -dx / (s * s) * p, -dy / (s * s) * p};
  }

  private static double[] sum(double[] a, double[] b, double sign) {
    double[] out = a.clone();
    for (int k = 0; k < out.length; k++) {
      out[k] += sign * b[k];
    }
    return out;
  }

  private static MassPointSearch search(MassPointSearch.Density density, UnaryOperator<double[]> decoder, Bandwidth bandwidth, double[][] box) {
    return new MassPointSearch(density, z -> GaussCurvatureTest.fd(decoder, z), new MassPointSearch.Settings(bandwidth, box, 5, MassPointSearch.DEFAULT_MIN_LOCAL_MASS));
  }

  /** A root of f in (lo, hi) by bisection, f changing sign there. */
  private static double bisect(DoubleUnaryOperator f, double lo, double hi) {
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (Math.signum(f.applyAsDouble(mid)) == Math.signum(f.applyAsDouble(lo))) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /** The removed-cluster deficit 0.2 (N((3, 0), I) - N(0, I))^+ on a flat chart: its top solves (x - 3) e^(-(x-3)^2/2) = x e^(-x^2/2). */
  @Test
  void theAscentFindsTheTopOfADeficit() {
    MassPointSearch.Density deficit = z -> sum(gaussian(z, 0.2, new double[] {3, 0}, 1), gaussian(z, 0.2, new double[] {0, 0}, 1), -1);
    double top = bisect(x -> -(x - 3) * Math.exp(-(x - 3) * (x - 3) / 2) + x * Math.exp(-x * x / 2), 2.5, 4);
    List<LatentSummary.MassPoint> found = search(deficit, FLAT, Bandwidth.isotropic(2, 0.5), null)
        .search(List.of(new MassPointSearch.Start(7, new double[] {2.6, 0.4})), 0, null);
    assertEquals(1, found.size());
    assertEquals(top, found.get(0).z()[0], 1e-6, "closed form " + top);
    assertEquals(0, found.get(0).z()[1], 1e-6);
    assertEquals(7, found.get(0).pointId());
    assertEquals(deficit.densityAndGradient(found.get(0).z())[0], found.get(0).density(), 1e-12, "flat chart: rho = p");
  }

  /**
   * rho is p / sqrt(det g), so a stretched chart moves the maximum: for the graph of
   * (z1 + s z1^3 / 3, z2), sqrt(det g) = 1 + s z1^2 and with p = N((1, 0), I) the top solves
   * -(x - 1) - 2 s x / (1 + s x^2) = 0, not x = 1.
   */
  @Test
  void theMetricMovesTheMaximumOfRhoAwayFromTheCoordinateDensitysMode() {
    double s = 0.5;
    UnaryOperator<double[]> stretched = p -> new double[] {p[0] + s * p[0] * p[0] * p[0] / 3, p[1], 0};
    double top = bisect(x -> -(x - 1) - 2 * s * x / (1 + s * x * x), 0, 1);
    List<LatentSummary.MassPoint> found = search(z -> gaussian(z, 1, new double[] {1, 0}, 1), stretched, Bandwidth.isotropic(2, 0.3), null)
        .search(List.of(new MassPointSearch.Start(0, new double[] {1, 0.2})), 0, null);
    assertEquals(1, found.size());
    assertEquals(top, found.get(0).z()[0], 1e-5, "closed form " + top);
    assertTrue(top < 0.75, "the shift is real: " + top);
    assertEquals(gaussian(found.get(0).z(), 1, new double[] {1, 0}, 1)[0] / (1 + s * top * top), found.get(0).density(), 1e-6);
  }

  /** Mass of w N(mu, I) within radius r of mu in 2-D: w (1 - e^(-r^2/2)). */
  @Test
  void theLocalMassIsTheDensitysMassWithinOneBandwidth() {
    double r = 0.8;
    MassPointSearch found = search(z -> gaussian(z, 0.3, new double[] {1, -1}, 1), FLAT, Bandwidth.isotropic(2, r), null);
    double mass = found.localMass(new double[] {1, -1}, 0);
    assertEquals(0.3 * (1 - Math.exp(-r * r / 2)), mass, 0.01 * mass, "4096 uniform draws: standard error about 0.2%");
  }

  @Test
  void nearbyAscentsMergeAndSmallOrLightMaximaAreDropped() {
    // A broad bump, a faint one (2% of the largest rho) and a tall narrow spike (89% of it, but 0.2% of mass).
    MassPointSearch.Density density = z -> sum(sum(gaussian(z, 0.9, new double[] {0, 0}, 1), gaussian(z, 0.02, new double[] {6, 0}, 1), 1),
        gaussian(z, 0.002, new double[] {0, 6}, 0.05), 1);
    List<MassPointSearch.Start> starts = List.of(new MassPointSearch.Start(1, new double[] {0.5, 0.5}),
        new MassPointSearch.Start(2, new double[] {-0.7, 0.2}), new MassPointSearch.Start(3, new double[] {6.3, 0}),
        new MassPointSearch.Start(4, new double[] {0.01, 6.01}));
    double[][] codes = {{0.1, 0}, {-0.2, 0.1}, {0, -0.3}, {3, 3}, {0.2, 0.2}};
    Integer[] labels = {4, 9, 9, 4, null};
    List<LatentSummary.MassPoint> found = search(density, FLAT, Bandwidth.isotropic(2, 0.5), null)
        .search(starts, 0, new MassPointSearch.LabelledCodes(new long[] {10, 11, 12, 13, 14}, codes, labels));
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).pointId() == 1 || found.get(0).pointId() == 2, "the two ascents on the broad bump merge: " + found);
    assertEquals(0, found.get(0).z()[0], 1e-3);
    assertEquals(9, found.get(0).label(), "two 9s and one 4 lie within one bandwidth; the code at (3, 3) does not");
    // The 5% bar holds against the largest rho seen anywhere in the run, not just among the maxima found.
    MassPointSearch.Density bump = z -> gaussian(z, 0.2, new double[] {6, 0}, 1);
    List<MassPointSearch.Start> one = List.of(new MassPointSearch.Start(3, new double[] {6.3, 0}));
    List<LatentSummary.MassPoint> alone = search(bump, FLAT, Bandwidth.isotropic(2, 0.5), null).search(one, 0, null);
    assertEquals(1, alone.size(), alone.toString());
    assertEquals(0.2 * (1 - Math.exp(-0.125)), alone.get(0).mass(), 0.01 * alone.get(0).mass());
    assertNull(alone.get(0).label(), "no labelled codes");
    assertTrue(search(bump, FLAT, Bandwidth.isotropic(2, 0.5), null).search(one, 25 * alone.get(0).density(), null).isEmpty());
  }

  @Test
  void maximaOutsideTheBoxAndStartsWithoutDeficitAreDropped() {
    MassPointSearch.Density deficit = z -> sum(gaussian(z, 0.2, new double[] {3, 0}, 1), gaussian(z, 0.2, new double[] {0, 0}, 1), -1);
    double[][] box = {{-1, -1}, {2.5, 1}};
    assertTrue(search(deficit, FLAT, Bandwidth.isotropic(2, 0.5), box).search(List.of(new MassPointSearch.Start(0, new double[] {2.4, 0})), 0, null)
        .isEmpty(), "the top at x = 3.0 lies outside the box");
    assertTrue(search(deficit, FLAT, Bandwidth.isotropic(2, 0.5), null).search(List.of(new MassPointSearch.Start(0, new double[] {-1, 0})), 0, null)
        .isEmpty(), "rho_ins is 0 where the reference is denser than training");
  }

  /**
   * Why rho is climbed (docs/methods/latent-curvature.md, Mass-like points: what is climbed and
   * what is kept): it is a scalar. In the chart z = A u the codes are A^-1 z_i, the KDE's bandwidth
   * is A^-1 Sigma A^-T and the decoder Psi(A u), and the maximum found is A^-1 z*.
   */
  @Test
  void theMaximumDoesNotDependOnTheChart() {
    double[][] a = {{2, 0.5}, {-0.3, 0.7}};
    double det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
    SplittableRandom random = new SplittableRandom(3);
    double[][] codes = new double[400][];
    double[][] codesU = new double[codes.length][];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = new double[] {1 + 0.6 * random.nextGaussian(), -0.5 + 0.4 * random.nextGaussian()};
      codesU[i] = new double[] {(a[1][1] * codes[i][0] - a[0][1] * codes[i][1]) / det, (-a[1][0] * codes[i][0] + a[0][0] * codes[i][1]) / det};
    }
    UnaryOperator<double[]> psi = p -> new double[] {p[0], p[1], 0.3 * p[0] * p[0] + 0.2 * p[0] * p[1]};
    UnaryOperator<double[]> psiU = u -> psi.apply(new double[] {a[0][0] * u[0] + a[0][1] * u[1], a[1][0] * u[0] + a[1][1] * u[1]});
    GaussianKde kde = new GaussianKde(codes);
    GaussianKde kdeU = new GaussianKde(codesU);
    LatentSummary.MassPoint z = search(kde, psi, kde.bandwidth(), null).search(List.of(new MassPointSearch.Start(0, codes[0])), 0, null).get(0);
    LatentSummary.MassPoint u = search(kdeU, psiU, kdeU.bandwidth(), null).search(List.of(new MassPointSearch.Start(0, codesU[0])), 0, null).get(0);
    double[] mapped = {a[0][0] * u.z()[0] + a[0][1] * u.z()[1], a[1][0] * u.z()[0] + a[1][1] * u.z()[1]};
    assertEquals(z.z()[0], mapped[0], 1e-5);
    assertEquals(z.z()[1], mapped[1], 1e-5);
    assertEquals(z.density(), u.density(), 1e-6 * z.density(), "rho is a scalar");
    assertEquals(z.mass(), u.mass(), 0.02 * z.mass(), "the mass within one bandwidth, by independent draws in each chart");
  }

  @Test
  void bandwidthBallsAndSteps() {
    assertEquals(2 * 0.5, Bandwidth.isotropic(1, 0.5).ballVolume(), 1e-12);
    assertEquals(Math.PI * 0.25, Bandwidth.isotropic(2, 0.5).ballVolume(), 1e-12);
    assertEquals(4.0 / 3 * Math.PI * 0.125, Bandwidth.isotropic(3, 0.5).ballVolume(), 1e-12);
    assertEquals(Math.PI * Math.PI / 2 * 0.0625, Bandwidth.isotropic(4, 0.5).ballVolume(), 1e-12);
    Bandwidth b = new Bandwidth(new double[][] {{2, 0}, {1, 3}}, new double[][] {{0.5, 0}, {-1 / 6.0, 1 / 3.0}});
    // Sigma = L L^T = [[4, 2], [2, 10]].
    double[] step = b.step(new double[] {1, -1});
    assertEquals(2, step[0], 1e-12);
    assertEquals(-8, step[1], 1e-12);
    assertEquals(1, b.distance2(new double[] {2, 1}, new double[] {0, 0}), 1e-12, "L e1 is one bandwidth away");
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 1000; i++) {
      assertTrue(b.distance2(b.ballPoint(new double[] {1, 1}, random), new double[] {1, 1}) <= 1 + 1e-12);
    }
  }
}
