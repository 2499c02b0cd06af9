package io.tessera.jobs.polytopes;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.TesseraException;
import io.tessera.config.ConfigChecks;
import io.tessera.config.JobConfig;
import io.tessera.model.DevicePolicy;
import java.util.List;

/**
 * Settings of the {@code regions} job (see conf/regions.yaml).
 *
 * @param box [lo, hi]: regions are enumerated inside [lo, hi]^m
 * @param start the point whose region the search starts from; the box centre when absent
 * @param volumeSamples 3-D only: uniform points in the box for the Monte Carlo volumes
 * @param seed the seed of those points
 * @param maxRegions stop with an error beyond this many regions (a guard against a mis-set box)
 * @param tilesPerAxis the box is cut into this many tiles per axis, one task each; 0 chooses
 *     about 16 tiles per core
 */
public record RegionsConfig(
    @JsonProperty(required = true) String model,
    @JsonProperty(required = true) String output,
    List<Double> box,
    List<Double> start,
    Integer volumeSamples,
    Long seed,
    Long maxRegions,
    Integer tilesPerAxis,
    Integer partitions,
    String device,
    String runId) implements JobConfig {

  public RegionsConfig {
    box = box == null ? List.of(-1.0, 1.0) : box;
    volumeSamples = volumeSamples == null ? 200_000 : volumeSamples;
    seed = seed == null ? 0L : seed;
    maxRegions = maxRegions == null ? 1_000_000L : maxRegions;
    tilesPerAxis = tilesPerAxis == null ? 0 : tilesPerAxis;
    partitions = partitions == null ? 0 : partitions;
    device = device == null ? "auto" : device;
    ConfigChecks.box(box);
    double lo = box.get(0);
    double hi = box.get(1);
    if (start != null && start.stream().anyMatch(v -> v == null || !(v > lo && v < hi))) {
      throw new TesseraException("start must lie strictly inside the box " + box + ", got " + start);
    }
    if (volumeSamples < 1) {
      throw new TesseraException("volume_samples must be >= 1, got " + volumeSamples);
    }
    if (tilesPerAxis < 0 || tilesPerAxis > 100) {
      throw new TesseraException("tiles_per_axis must be 0 (auto) or 1-100, got " + tilesPerAxis);
    }
    if (maxRegions < 1) {
      throw new TesseraException("max_regions must be >= 1, got " + maxRegions);
    }
    ConfigChecks.common(partitions, device, runId, null);
  }

  public DevicePolicy devicePolicy() {
    return DevicePolicy.parse(device);
  }
}
