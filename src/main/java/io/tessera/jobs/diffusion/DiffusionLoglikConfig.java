package io.tessera.jobs.diffusion;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.TesseraException;
import io.tessera.config.ConfigChecks;
import io.tessera.model.DevicePolicy;
import io.tessera.run.InputSelection;
import io.tessera.run.JobConfig;
import java.util.List;

/**
 * Settings of the {@code diffusion-loglik} job (see conf/diffusion-loglik.yaml): Tu et al.'s eq. 23
 * per sample, for each step size h and each uneven index grid, with R rounds of independent
 * forward noise.
 *
 * @param grids uneven index lists, each strictly increasing from 0 to the model's T (checked
 *     against the model when the job starts)
 * @param variance A (the forward step's, default) or B (the posterior's, with A on the last pair)
 * @param batchSize samples per batch; each batch runs samples x rounds chains together
 * @param dataset the name written to the rows and the summary (default: the input's last path segment)
 * @param ids only these sample ids of the input; all when absent
 * @param where only the input rows this Spark SQL predicate over the dataset's columns keeps
 */
public record DiffusionLoglikConfig(
    @JsonProperty(required = true) String input,
    @JsonProperty(required = true) String model,
    @JsonProperty(required = true) String output,
    List<Integer> stepSizes,
    Integer rounds,
    String variance,
    Long seed,
    Integer batchSize,
    Boolean keepRounds,
    String dataset,
    Integer partitions,
    String device,
    String runId,
    Boolean quarantine,
    List<String> splits,
    List<List<Integer>> grids,
    List<Long> ids,
    String where) implements JobConfig, InputSelection {

  public DiffusionLoglikConfig {
    ConfigChecks.selection(ids, where);
    grids = grids == null ? List.of() : grids;
    stepSizes = stepSizes == null ? (grids.isEmpty() ? List.of(1) : List.of()) : stepSizes;
    rounds = rounds == null ? 100 : rounds;
    variance = variance == null ? "A" : variance;
    seed = seed == null ? 0L : seed;
    batchSize = batchSize == null ? 256 : batchSize;
    keepRounds = keepRounds != null && keepRounds;
    dataset = dataset == null ? new org.apache.hadoop.fs.Path(input).getName() : dataset;
    partitions = partitions == null ? 0 : partitions;
    device = device == null ? "auto" : device;
    quarantine = quarantine != null && quarantine;
    if (stepSizes.stream().anyMatch(h -> h == null || h < 1)) {
      throw new TesseraException("step_sizes must list step sizes h >= 1, got " + stepSizes);
    }
    if (stepSizes.isEmpty() && grids.isEmpty()) {
      throw new TesseraException("give step_sizes, grids or both");
    }
    if (grids.stream().anyMatch(g -> g == null || g.size() < 2 || g.stream().anyMatch(java.util.Objects::isNull))) {
      throw new TesseraException("each of grids must list at least two step indices, from 0 to T, got " + grids);
    }
    if (rounds < 2) {
      throw new TesseraException("rounds must be >= 2 (the sd needs two), got " + rounds);
    }
    if (!List.of("A", "B").contains(variance)) {
      throw new TesseraException("variance must be A or B (Tu eq. 19), got '" + variance + "'");
    }
    ConfigChecks.batchSize(batchSize);
    ConfigChecks.common(partitions, device, runId, splits);
  }

  public DevicePolicy devicePolicy() {
    return DevicePolicy.parse(device);
  }
}
