package io.tessera.reproduce;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tessera.TesseraException;
import io.tessera.jobs.latent.LatentGeometryConfig;
import io.tessera.math.latent.MassPointSearch;
import java.util.List;

/**
 * Sreehari et al.'s MNIST experiment in reduced form (see conf/sreehari-mnist.yaml and
 * docs/methods/latent-curvature.md, The MNIST experiment, reduced): two classifiers x two training
 * sets, the second with most of two digits removed; each classifier's penultimate features, PCA to
 * latentDim and a post-hoc smooth decoder give a latent space whose curvature (NIS) and density
 * deficit against held-out codes (DIS) are scored.
 *
 * @param keepFraction the share of the pooled images in D_A (seeded per image); the rest is the reference set
 * @param removedDigits the digits D_B loses most of
 * @param removedFraction the share of those digits' D_A images D_B drops (seeded per image)
 * @param mcUniform the share of Monte Carlo draws uniform on the latent box (latent-geometry's
 *     mc_uniform; absent: its default)
 * @param seed the one seed of splits, trainings and Monte Carlo draws when {@code seeds} is absent
 * @param seeds repeats of the whole design, one per seed (at least five, see
 *     docs/methods/latent-curvature.md, The MNIST experiment, reduced)
 */
public record SreehariMnistConfig(
    @JsonUnwrapped MnistFiles mnist,
    @JsonProperty(required = true) String output,
    Double keepFraction,
    List<Integer> removedDigits,
    Double removedFraction,
    Integer latentDim,
    List<Integer> mlpHidden,
    List<Integer> cnnConvFilters,
    List<Integer> cnnHidden,
    Integer classifierEpochs,
    List<Integer> decoderHidden,
    Integer decoderEpochs,
    Integer mcSamples,
    Double mcUniform,
    Integer kdeCodes,
    Boolean reuseModels,
    Long seed,
    String device,
    Double massMinLocal,
    List<Long> seeds) {

  public SreehariMnistConfig {
    keepFraction = keepFraction == null ? 0.7 : keepFraction;
    removedDigits = removedDigits == null ? List.of(3, 7) : removedDigits;
    removedFraction = removedFraction == null ? 0.8 : removedFraction;
    latentDim = latentDim == null ? 4 : latentDim;
    mlpHidden = mlpHidden == null ? List.of(128, 64) : mlpHidden;
    cnnConvFilters = cnnConvFilters == null ? List.of(6, 16) : cnnConvFilters;
    cnnHidden = cnnHidden == null ? List.of(120, 84) : cnnHidden;
    classifierEpochs = classifierEpochs == null ? 5 : classifierEpochs;
    decoderHidden = decoderHidden == null ? List.of(256, 512) : decoderHidden;
    decoderEpochs = decoderEpochs == null ? 30 : decoderEpochs;
    mcSamples = mcSamples == null ? 4000 : mcSamples;
    LatentGeometryConfig.checkMcUniform(mcUniform); // null: the latent-geometry default
    kdeCodes = kdeCodes == null ? 20_000 : kdeCodes;
    reuseModels = reuseModels == null || reuseModels;
    seed = seed == null ? 1L : seed;
    device = device == null ? "auto" : device;
    massMinLocal = massMinLocal == null ? MassPointSearch.DEFAULT_MIN_LOCAL_MASS : massMinLocal;
    if (!(massMinLocal >= 0 && massMinLocal <= 1)) {
      throw new TesseraException("mass_min_local must be in [0, 1], got " + massMinLocal);
    }
    seeds = seeds == null ? List.of(seed) : seeds;
    if (seeds.isEmpty() || seeds.stream().anyMatch(java.util.Objects::isNull) || seeds.stream().distinct().count() != seeds.size()) {
      throw new TesseraException("seeds must list distinct seeds, got " + seeds);
    }
    seeds = List.copyOf(seeds);
    if (!(keepFraction > 0 && keepFraction < 1) || !(removedFraction >= 0 && removedFraction <= 1)) {
      throw new TesseraException("keep_fraction must be in (0, 1) and removed_fraction in [0, 1]");
    }
    if (latentDim < 1 || mcSamples < 100 || classifierEpochs < 1 || decoderEpochs < 1) {
      throw new TesseraException("latent_dim, classifier_epochs and decoder_epochs must be >= 1 and mc_samples >= 100");
    }
  }
}
