package io.tessera.jobs.latent;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.TesseraException;
import io.tessera.config.ConfigChecks;
import io.tessera.config.InputSelection;
import io.tessera.config.JobConfig;
import io.tessera.math.latent.MassPointSearch;
import io.tessera.math.latent.LatentSummary.Potential;
import io.tessera.model.DevicePolicy;
import java.util.List;

/**
 * Settings of the {@code latent-geometry} job (see conf/latent-geometry.yaml).
 *
 * @param model an autoencoder directory (tessera train-autoencoder) or a float64 TorchScript decoder
 * @param input samples to encode (autoencoders only); null: the grid alone
 * @param trainSplit the split whose codes make the density p_train
 * @param referenceSplit a held-out split whose codes make p_ref (rho_ins, DIS); null: none
 * @param latentDim for TorchScript decoders without a box: their latent dimension
 * @param box per latent axis [lo, hi]; null: the codes' 0.5th to 99.5th percentiles widened by 10% per side
 * @param resolution grid points per axis (latent dimension at most 3); 0: no grid
 * @param mcSamples Monte Carlo points (any latent dimension; the totals come from them when there
 *     is no grid); 0: none
 * @param mcUniform the fraction of Monte Carlo points drawn uniformly on the box, the rest from the
 *     training codes' density: a defensive mixture that bounds the weights (default 0.5; 0 draws
 *     from the codes' density alone, as the specification's proposal does); see
 *     docs/methods/latent-curvature.md, Monte Carlo
 * @param route exact (MLP decoders' jets), fd (finite differences of forward passes), ricci (MLP
 *     decoders' jets, R from the Christoffel symbols instead of the Gauss equation) or auto
 * @param fdEta relative step of the finite differences, times each code coordinate's robust spread
 * @param kdeCodes at most this many codes per density: a seeded subset beyond that
 * @param taus the tau values of Perelman's W; null: ell^2 x {0.01, 0.03, 0.1, 0.3, 1}
 * @param cN the NIS constant c_N
 * @param massDensity what mass-like points are maxima of: rho (rho_ins, or rho_info without a
 *     reference; our choice) or energy (T00 = rho + (c/2) |grad rho|^2_g, the paper's); see
 *     docs/methods/latent-curvature.md, Mass-like points: what is climbed and what is kept
 * @param energyC the constant c of T00
 * @param energyNorm how |grad rho|^2 in T00 is measured: metric (g^ij, the default: the same number
 *     in every chart) or coordinate (the seed's sum of squared coordinate derivatives)
 * @param potential f of Perelman's F and W: data (f = log sqrt(det g) - log q, which makes
 *     e^-f dmu a probability measure as Perelman requires; the default when there is an input) or
 *     zero (F = integral of R dmu; the default for a grid alone, which has no codes to define q);
 *     see docs/methods/latent-curvature.md, Potentials
 * @param batchSize latent points per decoder call (each needs 1 + 2n + 2n(n-1) forward rows on the fd route)
 * @param ids only these sample ids of the input; all when absent
 * @param where only the input rows this Spark SQL predicate over the dataset's columns keeps
 */
public record LatentGeometryConfig(
    @JsonProperty(required = true) String model,
    @JsonProperty(required = true) String output,
    String input,
    String trainSplit,
    String referenceSplit,
    Integer latentDim,
    List<List<Double>> box,
    Integer resolution,
    Integer mcSamples,
    Double mcUniform,
    String route,
    Double fdEta,
    Integer kdeCodes,
    List<Double> taus,
    Double cN,
    Long seed,
    Integer batchSize,
    Integer partitions,
    String device,
    String runId,
    Boolean quarantine,
    List<String> splits,
    String potential,
    String massDensity,
    Double energyC,
    String energyNorm,
    Double massMinLocal,
    List<Long> ids,
    String where) implements JobConfig, InputSelection {

  public static final List<String> ROUTES = List.of("auto", "exact", "fd", "ricci");

  /** mc_uniform, a fraction; also checked by configs that pass it on before any work starts. */
  public static Double checkMcUniform(Double mcUniform) {
    if (mcUniform != null && !(mcUniform >= 0 && mcUniform <= 1)) {
      throw new TesseraException("mc_uniform must be in [0, 1], got " + mcUniform);
    }
    return mcUniform;
  }
  public static final int MAX_GRID_DIM = 3;
  public static final long MAX_GRID_POINTS = 4_000_000L;

  public LatentGeometryConfig {
    ConfigChecks.selection(ids, where);
    trainSplit = trainSplit == null ? "train" : trainSplit;
    resolution = resolution == null ? 64 : resolution;
    mcSamples = mcSamples == null ? 0 : mcSamples;
    mcUniform = checkMcUniform(mcUniform == null ? 0.5 : mcUniform);
    route = route == null ? "auto" : route;
    fdEta = fdEta == null ? 1e-4 : fdEta;
    kdeCodes = kdeCodes == null ? 20_000 : kdeCodes;
    cN = cN == null ? 1.0 : cN;
    seed = seed == null ? 0L : seed;
    batchSize = batchSize == null ? 256 : batchSize;
    partitions = partitions == null ? 0 : partitions;
    device = device == null ? "auto" : device;
    quarantine = quarantine != null && quarantine;
    potential = potential == null ? (input == null ? "zero" : "data") : potential;
    massDensity = massDensity == null ? "rho" : massDensity;
    energyC = energyC == null ? 1.0 : energyC;
    energyNorm = energyNorm == null ? "metric" : energyNorm;
    if (!List.of("metric", "coordinate").contains(energyNorm)) {
      throw new TesseraException("energy_norm must be metric or coordinate, got '" + energyNorm + "'");
    }
    massMinLocal = massMinLocal == null ? MassPointSearch.DEFAULT_MIN_LOCAL_MASS : massMinLocal;
    if (!(massMinLocal >= 0 && massMinLocal <= 1)) {
      throw new TesseraException("mass_min_local must be in [0, 1], got " + massMinLocal);
    }
    if (!List.of("rho", "energy").contains(massDensity) || !(energyC >= 0)) {
      throw new TesseraException("mass_density must be rho or energy and energy_c >= 0, got " + massDensity + ", " + energyC);
    }
    if (Potential.parse(potential) == Potential.DATA && input == null) {
      throw new TesseraException("potential data is built from the training codes' density: give an input to encode, or use potential: zero");
    }
    if (!ROUTES.contains(route)) {
      throw new TesseraException("route must be one of " + ROUTES + ", got '" + route + "'");
    }
    if (resolution < 0 || resolution == 1) {
      throw new TesseraException("resolution must be 0 (no grid) or at least 2, got " + resolution);
    }
    if (mcSamples < 0 || mcSamples > MAX_GRID_POINTS) {
      throw new TesseraException("mc_samples must be in 0.." + MAX_GRID_POINTS + ", got " + mcSamples);
    }
    if (mcSamples > 0 && input == null) {
      throw new TesseraException("mc_samples draws from the training codes' density: give an input to encode");
    }
    if (!(fdEta > 0 && fdEta < 0.1) || kdeCodes < 2 || !(cN > 0)) {
      throw new TesseraException("fd_eta must be in (0, 0.1), kde_codes >= 2 and c_n > 0");
    }
    if (taus != null && (taus.isEmpty() || taus.stream().anyMatch(t -> t == null || !(t > 0)))) {
      throw new TesseraException("taus must be positive numbers, got " + taus);
    }
    if (box != null) {
      for (List<Double> axis : box) {
        if (axis.size() != 2 || !(axis.get(1) > axis.get(0))) {
          throw new TesseraException("box must list [lo, hi] with hi > lo per latent axis, got " + box);
        }
      }
      if (latentDim != null && latentDim != box.size()) {
        throw new TesseraException("latent_dim " + latentDim + " but the box has " + box.size() + " axes");
      }
    }
    if (input == null && box == null) {
      throw new TesseraException("without an input to encode, give the grid's box per latent axis");
    }
    ConfigChecks.batchSize(batchSize);
    ConfigChecks.common(partitions, device, runId, splits);
  }

  /** The latent dimension a TorchScript decoder is probed with: the box's, else latent_dim; null when unknown. */
  public Integer declaredLatentDim() {
    return box != null ? Integer.valueOf(box.size()) : latentDim;
  }

  public Potential potentialKind() {
    return Potential.parse(potential);
  }

  public DevicePolicy devicePolicy() {
    return DevicePolicy.parse(device);
  }
}
