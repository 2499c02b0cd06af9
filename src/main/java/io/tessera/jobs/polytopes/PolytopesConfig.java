package io.tessera.jobs.polytopes;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.TesseraException;
import io.tessera.config.ConfigChecks;
import io.tessera.model.DevicePolicy;
import io.tessera.run.InputSelection;
import io.tessera.run.JobConfig;
import java.util.List;

/**
 * Settings of the {@code polytopes} job (see conf/polytopes.yaml).
 *
 * @param samplesPerSplit measure this many seeded-random samples of each split; 0 measures all
 * @param seed the seed of that choice
 * @param box optional [lo, hi]: the Chebyshev ball is kept inside [lo, hi]^m, so unbounded regions
 *     get finite radii (for images, the pixel range)
 * @param ids only these sample ids of the input; all when absent
 * @param where only the input rows this Spark SQL predicate over the dataset's columns keeps
 */
public record PolytopesConfig(
    @JsonProperty(required = true) String input,
    @JsonProperty(required = true) String model,
    @JsonProperty(required = true) String output,
    Integer samplesPerSplit,
    Long seed,
    List<Double> box,
    Integer partitions,
    String device,
    String runId,
    Boolean quarantine,
    List<String> splits,
    List<Long> ids,
    String where) implements JobConfig, InputSelection {

  public PolytopesConfig {
    ConfigChecks.selection(ids, where);
    samplesPerSplit = samplesPerSplit == null ? 0 : samplesPerSplit;
    seed = seed == null ? 0L : seed;
    partitions = partitions == null ? 0 : partitions;
    device = device == null ? "auto" : device;
    quarantine = quarantine != null && quarantine;
    if (samplesPerSplit < 0) {
      throw new TesseraException("samples_per_split must be >= 0 (0 measures every sample), got " + samplesPerSplit);
    }
    if (box != null) {
      ConfigChecks.box(box);
    }
    ConfigChecks.common(partitions, device, runId, splits);
  }

  public DevicePolicy devicePolicy() {
    return DevicePolicy.parse(device);
  }
}
