package io.tessera.jobs.patterns;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tessera.TesseraException;
import io.tessera.config.ConfigChecks;
import io.tessera.config.DatasetJobConfig;
import io.tessera.config.DatasetJobOptions;
import io.tessera.math.PerturbationNoise;
import java.util.List;

/**
 * Settings of the {@code perturbation-grid} job (see conf/perturbation-grid.yaml).
 *
 * @param common input, model, output, partitions, device, run_id, quarantine, splits, ids and where
 *     (DatasetJobOptions)
 * @param radii perturbation lengths, each finite and > 0
 * @param directions random unit directions per sample (K), shared by all radii
 * @param seed run seed; each sample's directions come from (seed, sample id)
 * @param batchSize model rows per forward pass: clean and perturbed points together
 * @param noise how x' = x + r v is drawn: sphere (default, |x' - x| = r), uniform or gaussian per
 *     pixel ({@link io.tessera.math.PerturbationNoise})
 * @param clip optional [lo, hi]: x' is clipped to the pixel range after the move
 */
public record PerturbationGridConfig(
    @JsonUnwrapped DatasetJobOptions common,
    @JsonProperty(required = true) List<Double> radii,
    Integer directions,
    Long seed,
    Integer batchSize,
    String noise,
    List<Double> clip) implements DatasetJobConfig {

  public static final int MAX_DIRECTIONS = 4096;

  public PerturbationGridConfig {
    directions = directions == null ? 8 : directions;
    seed = seed == null ? 0L : seed;
    batchSize = batchSize == null ? 8192 : batchSize;
    noise = noise == null ? "sphere" : noise;
    PerturbationNoise.parse(noise);
    if (clip != null) {
      ConfigChecks.interval(clip, "clip");
    }
    if (radii.isEmpty() || radii.stream().anyMatch(r -> r == null || !Double.isFinite(r) || r <= 0)) {
      throw new TesseraException("radii must be a non-empty list of finite numbers > 0, got " + radii);
    }
    if (radii.stream().distinct().count() != radii.size()) {
      throw new TesseraException("radii must not repeat, got " + radii);
    }
    if (directions < 1 || directions > MAX_DIRECTIONS) {
      throw new TesseraException("directions must be in 1.." + MAX_DIRECTIONS + ", got " + directions);
    }
    ConfigChecks.batchSize(batchSize);
  }
}
