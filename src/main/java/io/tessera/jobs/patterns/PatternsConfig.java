package io.tessera.jobs.patterns;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tessera.config.ConfigChecks;
import io.tessera.config.DatasetJobConfig;
import io.tessera.config.DatasetJobOptions;

/**
 * Settings of the {@code patterns} job (see conf/patterns.yaml).
 *
 * @param common input, model, output, partitions, device, run_id, quarantine, splits, ids and where
 *     (DatasetJobOptions)
 * @param batchSize samples per forward pass
 */
public record PatternsConfig(
    @JsonUnwrapped DatasetJobOptions common,
    Integer batchSize) implements DatasetJobConfig {

  public PatternsConfig {
    batchSize = batchSize == null ? 1024 : batchSize;
    ConfigChecks.batchSize(batchSize);
  }
}
