package io.tessera.jobs.patterns;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tessera.TesseraException;
import io.tessera.config.ConfigChecks;
import io.tessera.config.DatasetJobConfig;
import io.tessera.config.DatasetJobOptions;

/**
 * Settings of the {@code hamming-neighbours} job (see conf/hamming-neighbours.yaml).
 *
 * @param common input, model, output, partitions, device, run_id, quarantine, splits, ids and where
 *     (DatasetJobOptions)
 * @param blockSize candidates broadcast per pass: bounds executor memory (patterns and features of
 *     this many samples), at the price of one scan of the split per block
 */
public record HammingNeighboursConfig(
    @JsonUnwrapped DatasetJobOptions common,
    Integer blockSize,
    Integer batchSize) implements DatasetJobConfig {

  public HammingNeighboursConfig {
    blockSize = blockSize == null ? 8192 : blockSize;
    batchSize = batchSize == null ? 1024 : batchSize;
    if (blockSize < 1 || blockSize > 1 << 22) {
      throw new TesseraException("block_size must be in 1.." + (1 << 22) + ", got " + blockSize);
    }
    ConfigChecks.batchSize(batchSize);
  }
}
