package io.tessera.jobs.diffusion;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.TesseraException;
import io.tessera.config.ConfigChecks;
import io.tessera.config.JobConfig;
import io.tessera.model.DevicePolicy;
import java.util.List;

/**
 * Settings of the {@code diffusion-sample} job (see conf/diffusion-sample.yaml): draw {@code samples}
 * points from a DDPM trained by train-diffusion, by ancestral sampling on its step grid.
 *
 * @param stepSize h on the model's T-step grid (1: every step, Ho et al.'s sampler)
 * @param variance A (forward-step variance, Ho's sigma^2 = beta) or B (posterior variance), Tu eq. 19
 * @param clamp the data's range [lo, hi] applied to the samples; null: none (point clouds)
 */
public record DiffusionSampleConfig(
    @JsonProperty(required = true) String model,
    @JsonProperty(required = true) String output,
    Integer samples,
    Integer stepSize,
    String variance,
    List<Double> clamp,
    Long seed,
    Integer batchSize,
    Integer partitions,
    String device,
    String runId) implements java.io.Serializable, JobConfig {

  public DiffusionSampleConfig {
    samples = samples == null ? 1000 : samples;
    stepSize = stepSize == null ? 1 : stepSize;
    variance = variance == null ? "A" : variance;
    seed = seed == null ? 0L : seed;
    batchSize = batchSize == null ? 256 : batchSize;
    partitions = partitions == null ? 0 : partitions;
    device = device == null ? "auto" : device;
    if (samples < 1 || stepSize < 1) {
      throw new TesseraException("samples and step_size must be >= 1, got " + samples + " and " + stepSize);
    }
    if (!List.of("A", "B").contains(variance)) {
      throw new TesseraException("variance must be A or B (Tu eq. 19), got '" + variance + "'");
    }
    if (clamp != null) {
      ConfigChecks.interval(clamp, "clamp");
    }
    ConfigChecks.batchSize(batchSize);
    ConfigChecks.common(partitions, device, runId, null);
  }

  public DevicePolicy devicePolicy() {
    return DevicePolicy.parse(device);
  }
}
