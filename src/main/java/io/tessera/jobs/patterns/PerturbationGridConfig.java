package io.tessera.jobs.patterns;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tessera.TesseraException;
import io.tessera.config.ConfigChecks;
import io.tessera.config.DatasetJobConfig;
import io.tessera.config.DatasetJobOptions;
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
 */
public record PerturbationGridConfig(
    @JsonUnwrapped DatasetJobOptions common,
    @JsonProperty(required = true) List<Double> radii,
    Integer directions,
    Long seed,
    Integer batchSize) implements DatasetJobConfig {

  public static final int MAX_DIRECTIONS = 4096;

  public PerturbationGridConfig {
    directions = directions == null ? 8 : directions;
    seed = seed == null ? 0L : seed;
    batchSize = batchSize == null ? 8192 : batchSize;
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
