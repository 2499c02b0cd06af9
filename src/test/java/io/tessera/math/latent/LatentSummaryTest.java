package io.tessera.math.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.math.WeightedQuantiles;
import io.tessera.math.latent.LatentSummary.Potential;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Grid totals against closed forms (sphere, hemisphere graph, flat Gaussian soliton, sphere with
 * uniform codes: docs/methods/latent-curvature.md, Closed-form checks) and a density deficit of
 * known size.
 */
class LatentSummaryTest {
  /** Midpoints of a G^n grid over [lo_k, hi_k], point id = sum_k index_k G^k. */
  static double[][] grid(int resolution, double[] lo, double[] hi) {
    int n = lo.length;
    int total = (int) Math.pow(resolution, n);
    double[][] z = new double[total][n];
    for (int id = 0; id < total; id++) {
      int rest = id;
      for (int d = 0; d < n; d++) {
        z[id][d] = lo[d] + (rest % resolution + 0.5) * (hi[d] - lo[d]) / resolution;
        rest /= resolution;
      }
    }
    return z;
  }

  static double cell(int resolution, double[] lo, double[] hi) {
    double v = 1;
    for (int d = 0; d < lo.length; d++) {
      v *= (hi[d] - lo[d]) / resolution;
    }
    return v;
  }

  /** Geometry by finite differences, densities from closed forms {p, grad p}; no reference set unless pRef is given. */
  static GridValue[] values(UnaryOperator<double[]> psi, double[][] z, Function<double[], double[]> pTrain, Function<double[], Double> pRef) {
    double[] steps = new double[z[0].length];
    java.util.Arrays.fill(steps, FiniteDifferenceJets.DEFAULT_ETA);
    Jet[] jets = FiniteDifferenceJets.of(GaussCurvatureTest.rows(psi), z, steps);
    GridValue[] out = new GridValue[z.length];
    for (int k = 0; k < z.length; k++) {
      PointGeometry g = GaussCurvature.of(jets[k]);
      double[] p = pTrain.apply(z[k]);
      out[k] = new GridValue(z[k], g.logSqrtDetG(), g.scalarCurvature(), g.degenerate(), p[0], pRef == null ? Double.NaN : pRef.apply(z[k]),
          g.gradF2(p), g.energyDensity(p, 1, true));
    }
    return out;
  }

  /** Draws from the codes' density alone, on the box [-half, half]^n. */
  static MonteCarloProposal fromCodes(int n, double half) {
    double[] lo = new double[n];
    java.util.Arrays.fill(lo, -half);
    return new MonteCarloProposal(0, lo, java.util.Arrays.stream(lo).map(v -> -v).toArray());
  }

  @Test
  void theSphereHasArea4PiASquaredTotalCurvature8PiAndPerelmansFAndW() {
    double a = 1.5;
    double[] lo = {0, 0};
    double[] hi = {Math.PI, 2 * Math.PI};
    int g = 80;
    double[][] z = grid(g, lo, hi);
    // q uniform on the sphere: sin(theta) / (4 pi) in (theta, phi), so f = log(4 pi a^2) is constant.
    GridValue[] v = values(p -> GaussCurvatureTest.sphere(a, p), z,
        p -> new double[] {Math.sin(p[0]) / (4 * Math.PI), Math.cos(p[0]) / (4 * Math.PI), 0}, null);
    LatentSummary.Result r = LatentSummary.of(v, g, cell(g, lo, hi), a * a,
        new LatentSummary.Settings(new double[] {a * a / 2}, 1, Potential.DATA, false));
    assertEquals(0, r.degenerate());
    assertEquals(4 * Math.PI * a * a, r.volume(), 4e-4 * 4 * Math.PI * a * a);
    // The mask drops the cells at the poles where sin(theta) < 1e-3, a 1e-6 share of the area.
    assertEquals(8 * Math.PI, r.integralR(), 4e-4 * 8 * Math.PI);
    assertEquals(16 * Math.PI / (a * a), r.integralR2(), 4e-4 * 16 * Math.PI / (a * a));
    assertEquals(2 / (a * a), r.perelmanF(), 1e-4);
    assertEquals(Math.log(2) - 1, r.perelmanW()[0], 1e-4, "W(a^2 / 2) = ln 2 - 1");
    assertEquals("undefined_2d", r.regime());
    assertEquals(1 / (a * a), r.kbarMedian(), 1e-5);
    // f = 0: F is the integral of R dmu, 8 pi, and W(tau) = (2 tau / a^2 - 2) 4 pi a^2 / (4 pi tau) = 2 - 2 a^2 / tau.
    LatentSummary.Result zero = LatentSummary.of(v, g, cell(g, lo, hi), a * a,
        new LatentSummary.Settings(new double[] {a * a / 2}, 1, Potential.ZERO, false));
    assertEquals(8 * Math.PI, zero.perelmanF(), 4e-4 * 8 * Math.PI);
    assertEquals(2 - 4, zero.perelmanW()[0], 4e-4 * 2);
    assertEquals(1 - Math.exp(-1), r.nis(), 1e-5, "NIS = 1 - exp(-|K| ell^2) with ell^2 = a^2");
  }

  @Test
  void aFlatGaussianLatentHasFEqualNOverSigmaSquaredAndWZeroAtTheSoliton() {
    double c = 2;
    double s = 0.5; // sigma^2 = c^2 s^2 = 1
    double[] lo = {-6 * s, -6 * s};
    double[] hi = {6 * s, 6 * s};
    int g = 128;
    GridValue[] v = values(p -> new double[] {c * (0.6 * p[0] + 0.8 * p[1]), c * (0.8 * p[0] - 0.6 * p[1]), 0}, grid(g, lo, hi), p -> {
      double q = Math.exp(-(p[0] * p[0] + p[1] * p[1]) / (2 * s * s)) / (2 * Math.PI * s * s);
      return new double[] {q, -p[0] / (s * s) * q, -p[1] / (s * s) * q};
    }, null);
    LatentSummary.Result r = LatentSummary.of(v, g, cell(g, lo, hi), 1,
        new LatentSummary.Settings(new double[] {0.5, 2}, 1, Potential.DATA, false));
    // The support mask (q >= 1e-3 max q) cuts the Gaussian at r^2 = 2 s^2 ln 1000, where the
    // closed form E[r^2 | r^2 < rho^2] = 2 s^2 (1 - (1 + x) e^-x) / (1 - e^-x), x = ln 1000, applies.
    double x = Math.log(1000);
    double truncated = 2 * (1 - (1 + x) / 1000) / (1 - 1 / 1000.0);
    assertEquals(truncated, r.perelmanF(), 2e-3 * truncated);
    assertEquals(2, r.perelmanF(), 0.01 * 2, "F = n / sigma^2 up to the mask");
    assertEquals(0, r.integralR2(), 1e-9);
    // W(tau) = tau F + E[f] - (n/2) log(4 pi tau) - n, f = log c^2 + log(2 pi s^2) + r^2 / (2 s^2) + log Z on
    // the mask (Z its Gaussian mass): W(sigma^2 / 2) = 0 untruncated (the Gaussian soliton).
    for (int t = 0; t < 2; t++) {
      double tau = r.taus()[t];
      double expected = tau * truncated + Math.log(c * c * 2 * Math.PI * s * s) + truncated / 2 + Math.log(1 - 1 / 1000.0)
          - Math.log(4 * Math.PI * tau) - 2;
      assertEquals(expected, r.perelmanW()[t], 2e-3, "W(" + tau + ")");
    }
    assertEquals(0, r.perelmanW()[0], 0.02, "W(sigma^2 / 2) = 0 up to the mask");
  }

  @Test
  void aThreeDimensionalHemisphereGivesLambdaOneOverASquared() {
    double a = 2;
    double[] lo = {-1, -1, -1};
    double[] hi = {1, 1, 1};
    int g = 12;
    GridValue[] v = values(p -> new double[] {p[0], p[1], p[2], Math.sqrt(a * a - p[0] * p[0] - p[1] * p[1] - p[2] * p[2])},
        grid(g, lo, hi), p -> new double[] {1, 0, 0, 0}, null);
    LatentSummary.Result r = LatentSummary.of(v, g, cell(g, lo, hi), 1, new LatentSummary.Settings(null, 1, Potential.DATA, false));
    assertEquals(1 / (a * a), r.lambdaHat(), 1e-5, "Lambda = (n-1)(n-2) / (2 a^2)");
    assertEquals(0, r.lambdaIqr(), 1e-5);
    assertEquals("dS", r.regime());
    assertEquals(6 / (a * a) * r.maskVolume(), r.integralR(), 1e-4 * r.integralR());
    assertEquals(5, r.taus().length);
  }

  @Test
  void aRemovedClusterIsADensityDeficitWithAMassPointOnIt() {
    double[] lo = {-5, -5};
    double[] hi = {8, 5};
    int g = 130;
    Function<double[], Double> normal0 = p -> Math.exp(-(p[0] * p[0] + p[1] * p[1]) / 2) / (2 * Math.PI);
    Function<double[], Double> normal3 = p -> Math.exp(-((p[0] - 3) * (p[0] - 3) + p[1] * p[1]) / 2) / (2 * Math.PI);
    // The reference has 40% of its mass at (3, 0), training only 20%: the deficit is
    // 0.2 * TV(N(0), N(3)) = 0.2 (2 Phi(1.5) - 1).
    GridValue[] v = values(p -> new double[] {p[0], p[1], 0}, grid(g, lo, hi),
        p -> new double[] {0.8 * normal0.apply(p) + 0.2 * normal3.apply(p), 0, 0}, p -> 0.6 * normal0.apply(p) + 0.4 * normal3.apply(p));
    LatentSummary.Result r = LatentSummary.of(v, g, cell(g, lo, hi), 1, new LatentSummary.Settings(null, 1, Potential.DATA, false));
    double phi15 = 0.9331927987311419;
    assertEquals(0.2 * (2 * phi15 - 1), r.dis(), 1e-4);
    assertEquals(1, r.informationMass(), 1e-4);
    List<LatentSummary.MassPoint> mass = r.massPoints();
    assertEquals(1, mass.size(), mass.toString());
    // The grid is symmetric in z2, so the peak is a tie of two cells: one of them is kept.
    assertTrue(Math.abs(mass.get(0).z()[0] - 3) < 0.2 && Math.abs(mass.get(0).z()[1]) < 0.1, "the deficit peaks at (3, 0): "
        + java.util.Arrays.toString(mass.get(0).z()));
    assertEquals("rho_ins", r.massDensity());
  }

  @Test
  void weightedQuantilesAndTrimmedMeans() {
    WeightedQuantiles q = new WeightedQuantiles(new double[] {5, 1, 3, 100}, new double[] {1, 1, 2, 0});
    assertEquals(3, q.quantile(0.5));
    assertEquals(1, q.quantile(0.1));
    assertEquals(5, q.quantile(0.9));
    assertEquals(3, q.trimmedMean(0.25), 1e-12, "trimming a quarter from each end leaves the two 3s");
    assertEquals((5 + 1 + 6) / 4.0, q.trimmedMean(0), 1e-12);
  }

  /**
   * T9 by Monte Carlo, drawn from q alone. Untruncated, F = n / sigma^2 and W(sigma^2 / 2) = 0.
   * The mask keeps q >= 1e-3 of its peak, the disc where X = |z|^2 / s^2 (a chi-square with 2
   * degrees of freedom, here also |grad f|^2_g) is at most t = 2 ln 1000; it holds 0.999 of q. So
   * F = E[X | X <= t] = 2 - t e^(-t/2) / (1 - e^(-t/2)) = m, W(1/2) = m - 2 + ln 0.999 and
   * W(2) = 2.5 m - ln 4 - 2 + ln 0.999.
   */
  @Test
  void monteCarloRecoversTheGaussianSolitonOnTheMask() {
    double c = 2;
    double s = 0.5;
    int samples = 40_000;
    java.util.SplittableRandom random = new java.util.SplittableRandom(9);
    double[][] z = new double[samples][];
    for (int i = 0; i < samples; i++) {
      z[i] = new double[] {s * random.nextGaussian(), s * random.nextGaussian()};
    }
    GridValue[] v = values(p -> new double[] {c * (0.6 * p[0] + 0.8 * p[1]), c * (0.8 * p[0] - 0.6 * p[1]), 0}, z, p -> {
      double q = Math.exp(-(p[0] * p[0] + p[1] * p[1]) / (2 * s * s)) / (2 * Math.PI * s * s);
      return new double[] {q, -p[0] / (s * s) * q, -p[1] / (s * s) * q};
    }, null);
    LatentSummary.Result r = LatentSummary.monteCarlo(v, fromCodes(2, 2), 1,
        new LatentSummary.Settings(new double[] {0.5, 2}, 1, Potential.DATA, false));
    double t = 2 * Math.log(1000);
    double m = 2 - t * 1e-3 / (1 - 1e-3);
    // X has sd 2, so the standard error of F is 0.01.
    assertEquals(m, r.perelmanF(), 0.04, "F = n / sigma^2 on the mask");
    assertEquals(m - 2 + Math.log(0.999), r.perelmanW()[0], 0.04, "W(sigma^2 / 2)");
    assertEquals(2.5 * m - Math.log(4) - 2 + Math.log(0.999), r.perelmanW()[1], 0.1, "W(2)");
    assertEquals(0, r.integralR2(), 1e-9);
    assertTrue(r.effectiveSamples() > 0 && r.effectiveSamples() <= samples);
  }

  @Test
  void monteCarloGivesLambdaOfAFourDimensionalHemisphere() {
    double a = 2;
    java.util.SplittableRandom random = new java.util.SplittableRandom(4);
    double[][] z = new double[3000][4];
    for (double[] p : z) {
      for (int k = 0; k < 4; k++) {
        p[k] = random.nextDouble(-1, 1);
      }
    }
    GridValue[] v = values(p -> {
      double r2 = p[0] * p[0] + p[1] * p[1] + p[2] * p[2] + p[3] * p[3];
      return new double[] {p[0], p[1], p[2], p[3], Math.sqrt(a * a - r2)};
    }, z, p -> new double[] {1 / 16.0, 0, 0, 0, 0}, null);
    // q is uniform on the box, so drawing all from the box or all from q is the same proposal.
    LatentSummary.Result r = LatentSummary.monteCarlo(v, new MonteCarloProposal(1, new double[] {-1, -1, -1, -1}, new double[] {1, 1, 1, 1}), 1,
        new LatentSummary.Settings(null, 1, Potential.DATA, false));
    assertEquals(3 / (a * a), r.lambdaHat(), 1e-5, "Lambda = (n-1)(n-2) / (2 a^2) for n = 4");
    assertEquals("dS", r.regime());
    assertEquals(12 / (a * a) * r.volume(), r.integralR(), 1e-5 * r.integralR(), "R = 12 / a^2 is constant");
    assertTrue(r.massPoints().isEmpty());
  }

  /**
   * The defensive mixture on a flat chart Psi(z) = c z, sqrt(det g) = c^2, with q = N(0, s^2 I) and
   * the box [-2, 2]^2: the domain is the mask, the disc r <= r0 with r0^2 = 2 s^2 ln 1000, of
   * volume c^2 pi r0^2. Drawn from q alone the weights c^2 / q grow a thousandfold towards the rim
   * and the effective sample size is a fraction (ln 1000)^2 / 999 = 0.048 of the draws; half the
   * draws uniform on the box bound them, and the fraction is (pi r0^2)^2 / integral over the disc of
   * dz / proposal. Both estimate the volume without bias.
   */
  @Test
  void theMixedProposalEstimatesTheSameVolumeFromTenTimesTheEffectiveSamples() {
    double c = 1.5;
    double s = 0.5;
    double r0 = s * Math.sqrt(2 * Math.log(1000));
    double[] lo = {-2, -2};
    double[] hi = {2, 2};
    int draws = 20_000;
    Function<double[], double[]> gaussian = p -> {
      double q = Math.exp(-(p[0] * p[0] + p[1] * p[1]) / (2 * s * s)) / (2 * Math.PI * s * s);
      return new double[] {q, -p[0] / (s * s) * q, -p[1] / (s * s) * q};
    };
    double[] fraction = new double[2];
    for (int run = 0; run < 2; run++) {
      MonteCarloProposal proposal = new MonteCarloProposal(run == 0 ? 0 : 0.5, lo, hi);
      java.util.SplittableRandom random = new java.util.SplittableRandom(21);
      double[][] z = new double[draws][];
      for (int i = 0; i < draws; i++) {
        z[i] = random.nextDouble() < proposal.uniform()
            ? new double[] {random.nextDouble(-2, 2), random.nextDouble(-2, 2)} : new double[] {s * random.nextGaussian(), s * random.nextGaussian()};
      }
      GridValue[] v = values(p -> new double[] {c * p[0], c * p[1], 0}, z, gaussian, null);
      LatentSummary.Result r = LatentSummary.monteCarlo(v, proposal, 1, new LatentSummary.Settings(null, 1, Potential.ZERO, false));
      // The weights, independently: c^2 / proposal inside the disc.
      double sum = 0;
      double sum2 = 0;
      for (double[] p : z) {
        double w = p[0] * p[0] + p[1] * p[1] <= r0 * r0 ? c * c / proposal.density(p, gaussian.apply(p)[0]) : 0;
        sum += w;
        sum2 += w * w;
      }
      double mean = sum / draws;
      double se = Math.sqrt((sum2 / draws - mean * mean) / draws);
      assertEquals(mean, r.volume(), 1e-9 * mean, "the mean weight");
      assertEquals(c * c * Math.PI * r0 * r0, r.volume(), 3 * se, "the disc's area in the metric, run " + run);
      assertEquals(0, r.integralR(), 1e-6, "flat");
      fraction[run] = r.effectiveSamples() / draws;
    }
    assertEquals(Math.pow(Math.log(1000), 2) / 999, fraction[0], 0.2 * fraction[0], "from q alone");
    double integral = 0; // of dz / proposal over the disc, by the midpoint rule in r
    int steps = 10_000;
    for (int i = 0; i < steps; i++) {
      double r = (i + 0.5) * r0 / steps;
      double q = Math.exp(-r * r / (2 * s * s)) / (2 * Math.PI * s * s);
      integral += 2 * Math.PI * r * (r0 / steps) / (0.5 * q + 0.5 / 16);
    }
    double expected = Math.pow(Math.PI * r0 * r0, 2) / integral;
    assertEquals(expected, fraction[1], 0.05 * expected, "half the draws uniform on the box");
    assertTrue(fraction[1] > 8 * fraction[0], fraction[1] + " against " + fraction[0]); // 0.52 against 0.053 here
  }

  /**
   * R varies over the chart, so Lambda depends on which points count as vacuum and on their
   * weights. In 4-D lambda = R / 4. Points (weight sqrt(det g) / q, lambda, rho_ins):
   * A (4, 1, 0.1), B (3, 2, 0), C (1, 3, 0), D (2, -10, 0.2), E (1, 4, 0). The vacuum is rho_ins at
   * most its median, 0: B, C, E with weights 3, 1, 1, whose weighted median is 2. Taking every point
   * would give 1, and ignoring the weights 3.
   */
  @Test
  void whereRVariesTheVacuumAndTheWeightsDecideLambdaAndNis() {
    double[][] rows = {{4, 4, 1.4}, {3, 8, 1}, {1, 12, 1}, {2, -40, 1.4}, {1, 16, 1}}; // sqrt(det g), R, p_ref (p_train = 1)
    GridValue[] v = new GridValue[rows.length];
    for (int k = 0; k < rows.length; k++) {
      v[k] = new GridValue(new double[] {k, 0, 0, 0}, Math.log(rows[k][0]), rows[k][1], false, 1, rows[k][2], 0, 0);
    }
    LatentSummary.Result r = LatentSummary.monteCarlo(v, fromCodes(4, 10), 0.5, new LatentSummary.Settings(null, 1, Potential.DATA, false));
    assertEquals(2, r.lambdaHat(), 0);
    assertEquals(1, r.lambdaIqr(), 0, "weighted quartiles 2 and 3");
    assertEquals("dS", r.regime());
    assertEquals(1 - Math.exp(-2 * 0.5), r.nis(), 1e-15, "NIS = 1 - exp(-|Lambda| ell^2 / c_N)");
    assertEquals((0.4 + 0.4) / 5, r.dis(), 1e-15, "DIS: the mean of max(0, p_ref - q) / q under q");
    assertEquals(121 / 31.0, r.effectiveSamples(), 1e-12, "(sum w)^2 / sum w^2 with w = 4, 3, 1, 2, 1");
  }

  /**
   * The bootstrap errors against closed forms: DIS is a plain mean of the deficit ratios, so its
   * error is sd / sqrt(m), which 200 resamples match to about 5% (15% allowed); Lambda-hat, a
   * weighted median, has an error that halves when the points quadruple (within 30%).
   */
  @Test
  void bootstrapErrorsMatchTheErrorOfAMeanAndShrinkLikeOneOverRootM() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(12);
    double[] se = new double[2];
    for (int run = 0; run < 2; run++) {
      int m = run == 0 ? 1000 : 4000;
      GridValue[] v = new GridValue[m];
      double sum = 0;
      double sum2 = 0;
      for (int k = 0; k < m; k++) {
        double u = random.nextDouble() < 0.5 ? 0 : random.nextDouble(); // half the points vacuum, deficit ratio u
        sum += u;
        sum2 += u * u;
        v[k] = new GridValue(new double[] {k, 0, 0, 0}, Math.log(1 + random.nextDouble()), 10 + 4 * random.nextGaussian(), false, 1, 1 + u, 0, 0);
      }
      LatentSummary.Result r = LatentSummary.monteCarlo(v, fromCodes(4, m + 1), 0.5, new LatentSummary.Settings(null, 1, Potential.DATA, false));
      double mean = sum / m;
      double analytic = Math.sqrt((sum2 / m - mean * mean) * m / (m - 1) / m);
      assertEquals(analytic, r.bootstrap().disSe(), 0.15 * analytic, "m " + m);
      assertTrue(r.bootstrap().nisSe() > 0 && r.bootstrap().lambdaHatSe() > 0);
      se[run] = r.bootstrap().lambdaHatSe();
    }
    assertEquals(2, se[0] / se[1], 0.6, "Lambda-hat's error at 1,000 points against 4,000: " + se[0] + " vs " + se[1]);
  }

  /** T00 = rho + (c/2) |grad rho|^2_g: on a flat chart with rho = N(0, I), rho (1 + (c/2) |z|^2 rho). */
  @Test
  void theEnergyDensityOfAGaussianOnAFlatChart() {
    double[] z = {0.7, -0.4};
    PointGeometry flat = GaussCurvature.of(FiniteDifferenceJets.of(GaussCurvatureTest.rows(p -> new double[] {p[0], p[1], 0}),
        new double[][] {z}, new double[] {1e-4, 1e-4})[0]);
    double rho = Math.exp(-(z[0] * z[0] + z[1] * z[1]) / 2) / (2 * Math.PI);
    double[] density = {rho, -z[0] * rho, -z[1] * rho};
    assertEquals(rho * (1 + 1.5 * (z[0] * z[0] + z[1] * z[1]) * rho), flat.energyDensity(density, 3, true), 1e-12);
    assertEquals(flat.energyDensity(density, 3, true), flat.energyDensity(density, 3, false), 1e-12,
        "with g = I the seed's coordinate sum is the metric norm");
    assertEquals(0, flat.energyDensity(new double[] {-0.1, 0, 0}, 3, true), "no deficit, no energy");
  }

  /**
   * On the unit sphere's chart (theta, phi), g = diag(1, sin^2 theta) and rho = d / sin theta: the
   * metric form weighs d_phi rho by 1 / sin^2 theta, the seed's coordinate sum does not.
   */
  @Test
  void onACurvedChartTheMetricAndCoordinateEnergiesDiffer() {
    double[] z = {0.6, 0.9};
    PointGeometry sphere = GaussCurvature.of(FiniteDifferenceJets.of(GaussCurvatureTest.rows(p -> GaussCurvatureTest.sphere(1, p)),
        new double[][] {z}, new double[] {1e-4, 1e-4})[0]);
    // d = exp(-(theta - 1)^2 - phi^2): a bump in coordinates, with its gradient.
    double d = Math.exp(-(z[0] - 1) * (z[0] - 1) - z[1] * z[1]);
    double[] density = {d, -2 * (z[0] - 1) * d, -2 * z[1] * d};
    double s = Math.sin(z[0]);
    double rho = d / s;
    double dTheta = (density[1] - d * Math.cos(z[0]) / s) / s;
    double dPhi = density[2] / s;
    double metric = rho + 0.5 * (dTheta * dTheta + dPhi * dPhi / (s * s));
    double coordinate = rho + 0.5 * (dTheta * dTheta + dPhi * dPhi);
    assertEquals(metric, sphere.energyDensity(density, 1, true), 1e-7 * metric);
    assertEquals(coordinate, sphere.energyDensity(density, 1, false), 1e-7 * coordinate);
    assertTrue(metric - coordinate > 0.1 * coordinate, "the two forms differ here: " + metric + " vs " + coordinate);
  }
}
