package io.tessera.jobs.diffusion;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tessera.TesseraException;
import io.tessera.config.ConfigChecks;
import io.tessera.config.DatasetJobConfig;
import io.tessera.config.DatasetJobOptions;
import java.util.List;

/**
 * Settings of the {@code diffusion-loglik} job (see conf/diffusion-loglik.yaml): Tu et al.'s eq. 23
 * per sample, for each step size h and each uneven index grid, with R rounds of independent
 * forward noise.
 *
 * @param common input, model, output, partitions, device, run_id, quarantine, splits, ids and where
 *     (DatasetJobOptions)
 * @param grids uneven index lists, each strictly increasing from 0 to the model's T (checked
 *     against the model when the job starts)
 * @param variance A (the forward step's, default) or B (the posterior's, with A on the last pair)
 * @param batchSize samples per batch; each batch runs samples x rounds chains together
 * @param dataset the name written to the rows and the summary (default: the input's last path segment)
 */
public record DiffusionLoglikConfig(
    @JsonUnwrapped DatasetJobOptions common,
    List<Integer> stepSizes,
    Integer rounds,
    String variance,
    Long seed,
    Integer batchSize,
    Boolean keepRounds,
    String dataset,
    List<List<Integer>> grids) implements DatasetJobConfig {

  public DiffusionLoglikConfig {
    grids = grids == null ? List.of() : grids;
    stepSizes = stepSizes == null ? (grids.isEmpty() ? List.of(1) : List.of()) : stepSizes;
    rounds = rounds == null ? 100 : rounds;
    variance = variance == null ? "A" : variance;
    seed = seed == null ? 0L : seed;
    batchSize = batchSize == null ? 256 : batchSize;
    keepRounds = keepRounds != null && keepRounds;
    dataset = dataset == null ? new org.apache.hadoop.fs.Path(common.input()).getName() : dataset;
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
  }
}
