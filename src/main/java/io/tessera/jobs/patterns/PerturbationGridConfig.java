package io.tessera.jobs.patterns;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.TesseraException;
import io.tessera.config.ConfigChecks;
import io.tessera.model.DevicePolicy;
import io.tessera.run.InputSelection;
import io.tessera.run.JobConfig;
import java.util.List;

/**
 * Settings of the {@code perturbation-grid} job (see conf/perturbation-grid.yaml).
 *
 * @param radii perturbation lengths, each finite and > 0
 * @param directions random unit directions per sample (K), shared by all radii
 * @param seed run seed; each sample's directions come from (seed, sample id)
 * @param batchSize model rows per forward pass: clean and perturbed points together
 * @param ids only these sample ids of the input; all when absent
 * @param where only the input rows this Spark SQL predicate over the dataset's columns keeps
 */
public record PerturbationGridConfig(
    @JsonProperty(required = true) String input,
    @JsonProperty(required = true) String model,
    @JsonProperty(required = true) String output,
    @JsonProperty(required = true) List<Double> radii,
    Integer directions,
    Long seed,
    Integer batchSize,
    Integer partitions,
    String device,
    String runId,
    Boolean quarantine,
    List<String> splits,
    List<Long> ids,
    String where) implements JobConfig, InputSelection {

  public static final int MAX_DIRECTIONS = 4096;

  public PerturbationGridConfig {
    ConfigChecks.selection(ids, where);
    directions = directions == null ? 8 : directions;
    seed = seed == null ? 0L : seed;
    batchSize = batchSize == null ? 8192 : batchSize;
    partitions = partitions == null ? 0 : partitions;
    device = device == null ? "auto" : device;
    quarantine = quarantine != null && quarantine;
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
    ConfigChecks.common(partitions, device, runId, splits);
  }

  public DevicePolicy devicePolicy() {
    return DevicePolicy.parse(device);
  }
}
