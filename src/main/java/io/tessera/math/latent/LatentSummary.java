package io.tessera.math.latent;

import java.util.List;

/**
 * Run totals over a regular latent grid (midpoint rule; docs/methods/latent-curvature.md, Tessera's
 * implementation), on the support mask {p_train >= 1e-3 max p_train} minus degenerate points:
 * volume, integrals of R and R^2, Perelman's F and W with the data-induced potential, Lambda from
 * the vacuum points, the mass-like points and the NIS and DIS scores.
 *
 * @param points the grid, point id = sum_k index_k G^k (the first coordinate fastest)
 * @param resolution G, points per axis
 * @param cellVolume the volume of one grid cell in latent coordinates
 * @param ell2 the data's length scale squared (mean squared distance of decoded codes to their mean)
 * @param taus the tau values of W; null: ell2 x {0.01, 0.03, 0.1, 0.3, 1}
 */
public final class LatentSummary {
  public static final double MASK = 1e-3;
  public static final double[] TAU_FACTORS = {0.01, 0.03, 0.1, 0.3, 1};

  /**
   * What the totals are taken with.
   *
   * @param taus the tau values of W; null: ell2 x {0.01, 0.03, 0.1, 0.3, 1}
   * @param massByEnergy whether mass-like points are maxima of the energy density T00 rather than of rho
   */
  public record Settings(double[] taus, double cN, Potential potential, boolean massByEnergy) {}

  /**
   * A mass-like point: a local maximum of the density (or its energy density).
   *
   * @param pointId the grid point (or code) it was found from
   * @param mass the density's mass near it
   * @param label the majority label of the codes within one bandwidth; null if none is labelled
   */
  public record MassPoint(long pointId, double[] z, double density, double mass, Integer label) {}

  public record Result(
      long points, long maskPoints, long degenerate, double volume, double maskVolume, double integralR, double integralR2,
      double perelmanF, double[] taus, double[] perelmanW, double lambdaHat, double lambdaIqr, double lambdaTrimmedMean,
      double kbarMedian, String regime, double nis, double informationMass, double insufficiencyMass, double dis,
      String massDensity, List<MassPoint> massPoints, double effectiveSamples, double integralR2Error, double energyMass, Bootstrap bootstrap) {}

  /**
   * Bootstrap standard errors of a Monte Carlo run's scores: the points are resampled with
   * replacement {@link LambdaEstimates#REPLICATES} (200) times (a fixed seed) and each estimate recomputed; NaN on a grid,
   * whose quadrature has no sampling error.
   */
  public record Bootstrap(double lambdaHatSe, double nisSe, double disSe) {
    static final Bootstrap NONE = new Bootstrap(Double.NaN, Double.NaN, Double.NaN);
  }



  /**
   * The potential f of Perelman's F and W. ZERO: f = 0, so F = integral of R dmu and W(tau) =
   * integral of (tau R - n)(4 pi tau)^(-n/2) dmu (no normalisation constraint). DATA: our
   * data-induced f = log sqrt(det g) - log q, which makes e^-f dmu the code distribution q.
   */
  public enum Potential {
    ZERO, DATA;

    public static Potential parse(String name) {
      return io.tessera.EnumNames.parse(Potential.class, name, "potential");
    }
  }

  private LatentSummary() {}

  public static Result of(GridValue[] points, int resolution, double cellVolume, double ell2, Settings settings) {
    double[] taus = settings.taus();
    double cN = settings.cN();
    Potential potentialKind = settings.potential();
    int n = points[0].z().length;
    // Without codes there is no density: the mask is the whole box and F, W, the masses are undefined.
    boolean hasDensity = !Double.isNaN(points[0].pTrain());
    double maxP = 0;
    for (GridValue p : points) {
      maxP = hasDensity ? Math.max(maxP, p.pTrain()) : maxP;
    }
    boolean[] mask = new boolean[points.length];
    long maskPoints = 0;
    long degenerate = 0;
    double volume = 0;
    double maskVolume = 0;
    double intR = 0;
    double intR2 = 0;
    double qMass = 0;
    for (int k = 0; k < points.length; k++) {
      GridValue p = points[k];
      if (p.degenerate()) {
        degenerate++;
        continue;
      }
      double dmu = p.sqrtDetG() * cellVolume;
      volume += dmu;
      mask[k] = !hasDensity || p.pTrain() >= MASK * maxP;
      if (mask[k]) {
        maskPoints++;
        maskVolume += dmu;
        intR += p.scalarCurvature() * dmu;
        intR2 += p.scalarCurvature() * p.scalarCurvature() * dmu;
        qMass += hasDensity ? p.pTrain() * cellVolume : 0;
      }
    }
    double[] tauValues = taus != null ? taus : scaled(TAU_FACTORS, ell2);
    // DATA: e^-f dmu = q dz with q the training density renormalised on the mask, so F and W are
    // averages under q. ZERO: plain integrals over the mask.
    boolean data = potentialKind == Potential.DATA;
    double f = data && !hasDensity ? Double.NaN : 0;
    double[] w = new double[tauValues.length];
    java.util.Arrays.fill(w, data && !hasDensity ? Double.NaN : 0);
    for (int k = 0; k < points.length; k++) {
      if (!mask[k] || (data && !hasDensity)) {
        continue;
      }
      GridValue p = points[k];
      if (!data) {
        double dmu = p.sqrtDetG() * cellVolume;
        f += p.scalarCurvature() * dmu;
        for (int t = 0; t < tauValues.length; t++) {
          w[t] += zeroPotentialW(p.scalarCurvature(), tauValues[t], n) * dmu;
        }
        continue;
      }
      double q = p.pTrain() * cellVolume / qMass;
      double potential = p.logSqrtDetG() - Math.log(p.pTrain() / qMass);
      double integrand = p.scalarCurvature() + p.gradF2();
      f += q * integrand;
      for (int t = 0; t < tauValues.length; t++) {
        w[t] += q * dataPotentialW(integrand, potential, tauValues[t], n);
      }
    }
    boolean hasRef = !Double.isNaN(points[0].pRef());
    double[] dmu = new double[points.length];
    for (int k = 0; k < points.length; k++) {
      dmu[k] = points[k].degenerate() ? 0 : points[k].sqrtDetG() * cellVolume;
    }
    double[] cells = new double[points.length];
    java.util.Arrays.fill(cells, 1); // equal cells: the vacuum median counts grid points
    double[] lambda = LambdaEstimates.statistics(points, mask, n, hasRef, dmu, cells);
    String regime = LambdaEstimates.regime(n, lambda[0]);
    double nis = LambdaEstimates.nis(n, lambda, ell2, cN);
    double infoMass = hasDensity ? 0 : Double.NaN;
    double insMass = 0;
    for (int k = 0; k < points.length; k++) {
      if (!points[k].degenerate()) {
        infoMass += points[k].pTrain() * cellVolume;
        insMass += hasRef ? Math.max(0, points[k].pRef() - points[k].pTrain()) * cellVolume : 0;
      }
    }
    List<MassPoint> mass = hasDensity ? GridMaxima.massPoints(points, resolution, cellVolume, hasRef, settings.massByEnergy()) : List.of();
    double energyMass = hasDensity ? 0 : Double.NaN;
    for (GridValue p : points) {
      energyMass += p.degenerate() || !hasDensity ? 0 : p.energy() * p.sqrtDetG() * cellVolume;
    }
    return new Result(points.length, maskPoints, degenerate, volume, maskVolume, intR, intR2, f, tauValues, w, lambda[0], lambda[1],
        lambda[2], lambda[3], regime, nis, infoMass, hasRef ? insMass : Double.NaN, hasRef ? insMass : Double.NaN,
        (settings.massByEnergy() ? "energy of " : "") + (hasRef ? "rho_ins" : "rho_info"), mass, Double.NaN, Double.NaN, energyMass, Bootstrap.NONE);
  }

  /**
   * The same totals by Monte Carlo (any latent dimension; docs/methods/latent-curvature.md,
   * Monte Carlo), over the same domain as the grid's: the box, and in it the support mask
   * {p_train >= 1e-3 max p_train} (the maximum over the draws). The points were drawn from
   * {@code proposal}, whose density at each is its density(z, pTrain). Integrals over the domain are
   * means of h w with w = sqrt(det g) / proposal on the domain and 0 off it; F and W are means
   * under q renormalised on the domain (self-normalised weights q / proposal); DIS is the mean of
   * max(0, p_ref - q) / proposal over the box. Reports the effective sample size
   * (sum w)^2 / sum w^2 and the standard error of the integral of R^2. No grid, so no mass-like
   * points.
   */
  public static Result monteCarlo(GridValue[] points, MonteCarloProposal proposal, double ell2, Settings settings) {
    double[] taus = settings.taus();
    double cN = settings.cN();
    boolean data = settings.potential() == Potential.DATA;
    int n = points[0].z().length;
    double[] tauValues = taus != null ? taus : scaled(TAU_FACTORS, ell2);
    boolean hasRef = !Double.isNaN(points[0].pRef());
    double maxP = 0;
    for (GridValue p : points) {
      maxP = p.degenerate() ? maxP : Math.max(maxP, p.pTrain());
    }
    int m = points.length;
    boolean[] mask = new boolean[m];
    double[] dmu = new double[m];
    double[] coordinate = new double[m];
    double[] qWeight = new double[m];
    double[] deficit = new double[m];
    long degenerate = 0;
    long maskPoints = 0;
    double count = 0;
    double sumW = 0;
    double sumW2 = 0;
    double sumQ = 0;
    double info = 0;
    double energy = 0;
    for (int k = 0; k < m; k++) {
      GridValue p = points[k];
      if (p.degenerate()) {
        degenerate++;
        continue;
      }
      count++;
      double density = proposal.density(p.z(), p.pTrain());
      boolean inBox = proposal.inBox(p.z()) && density > 0; // a KDE density that underflowed counts nowhere
      mask[k] = inBox && p.pTrain() >= MASK * maxP;
      maskPoints += mask[k] ? 1 : 0;
      dmu[k] = mask[k] ? p.sqrtDetG() / density : 0;
      coordinate[k] = mask[k] ? 1 / density : 0;
      qWeight[k] = mask[k] ? p.pTrain() / density : 0;
      deficit[k] = inBox && hasRef ? Math.max(0, p.pRef() - p.pTrain()) / density : 0;
      sumW += dmu[k];
      sumW2 += dmu[k] * dmu[k];
      sumQ += qWeight[k];
      info += inBox ? p.pTrain() / density : 0;
      energy += inBox ? p.energy() * p.sqrtDetG() / density : 0;
    }
    double qMass = sumQ / count; // q's mass on the domain
    double intR = 0;
    double intR2 = 0;
    double intR2Sq = 0;
    double f = 0;
    double[] w = new double[tauValues.length];
    double dis = 0;
    for (int k = 0; k < m; k++) {
      dis += deficit[k];
      if (!mask[k]) {
        continue;
      }
      GridValue p = points[k];
      double r = p.scalarCurvature();
      intR += r * dmu[k];
      intR2 += r * r * dmu[k];
      intR2Sq += (r * r * dmu[k]) * (r * r * dmu[k]);
      if (!data) {
        f += r * dmu[k] / count;
        for (int t = 0; t < tauValues.length; t++) {
          w[t] += zeroPotentialW(r, tauValues[t], n) * dmu[k] / count;
        }
        continue;
      }
      double integrand = r + p.gradF2();
      double potential = p.logSqrtDetG() - Math.log(p.pTrain() / qMass);
      f += qWeight[k] / sumQ * integrand;
      for (int t = 0; t < tauValues.length; t++) {
        w[t] += qWeight[k] / sumQ * dataPotentialW(integrand, potential, tauValues[t], n);
      }
    }
    double meanR2 = intR2 / count;
    double r2Error = Math.sqrt(Math.max(0, intR2Sq / count - meanR2 * meanR2) / count);
    double[] lambda = LambdaEstimates.statistics(points, mask, n, hasRef, dmu, coordinate);
    double volume = sumW / count;
    return new Result(m, maskPoints, degenerate, volume, volume, intR / count, meanR2, f, tauValues, w, lambda[0],
        lambda[1], lambda[2], lambda[3], LambdaEstimates.regime(n, lambda[0]), LambdaEstimates.nis(n, lambda, ell2, cN), info / count,
        hasRef ? dis / count : Double.NaN, hasRef ? dis / count : Double.NaN,
        (settings.massByEnergy() ? "energy of " : "") + (hasRef ? "rho_ins" : "rho_info"), List.of(), sumW * sumW / sumW2, r2Error,
        energy / count, LambdaEstimates.bootstrap(points, dmu, coordinate, deficit, n, hasRef, ell2, cN));
  }

  /** W's integrand under q with the data-induced potential: tau (R + |grad f|^2) + f - (n/2) log(4 pi tau) - n. */
  private static double dataPotentialW(double integrand, double potential, double tau, int n) {
    return tau * integrand + potential - 0.5 * n * Math.log(4 * Math.PI * tau) - n;
  }

  /** W's integrand per unit dmu with f = 0: (tau R - n)(4 pi tau)^(-n/2). */
  private static double zeroPotentialW(double r, double tau, int n) {
    return (tau * r - n) * Math.pow(4 * Math.PI * tau, -0.5 * n);
  }

  private static double[] scaled(double[] factors, double scale) {
    double[] out = new double[factors.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = factors[i] * scale;
    }
    return out;
  }
}
