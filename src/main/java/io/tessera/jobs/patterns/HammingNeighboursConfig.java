package io.tessera.jobs.patterns;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.TesseraException;
import io.tessera.config.ConfigChecks;
import io.tessera.model.DevicePolicy;
import io.tessera.run.InputSelection;
import io.tessera.run.JobConfig;
import java.util.List;

/**
 * Settings of the {@code hamming-neighbours} job (see conf/hamming-neighbours.yaml).
 *
 * @param blockSize candidates broadcast per pass: bounds executor memory (patterns and features of
 *     this many samples), at the price of one scan of the split per block
 * @param ids only these sample ids of the input; all when absent
 * @param where only the input rows this Spark SQL predicate over the dataset's columns keeps
 */
public record HammingNeighboursConfig(
    @JsonProperty(required = true) String input,
    @JsonProperty(required = true) String model,
    @JsonProperty(required = true) String output,
    Integer blockSize,
    Integer batchSize,
    Integer partitions,
    String device,
    String runId,
    Boolean quarantine,
    List<String> splits,
    List<Long> ids,
    String where) implements JobConfig, InputSelection {

  public HammingNeighboursConfig {
    ConfigChecks.selection(ids, where);
    blockSize = blockSize == null ? 8192 : blockSize;
    batchSize = batchSize == null ? 1024 : batchSize;
    partitions = partitions == null ? 0 : partitions;
    device = device == null ? "auto" : device;
    quarantine = quarantine != null && quarantine;
    if (blockSize < 1 || blockSize > 1 << 22) {
      throw new TesseraException("block_size must be in 1.." + (1 << 22) + ", got " + blockSize);
    }
    ConfigChecks.batchSize(batchSize);
    ConfigChecks.common(partitions, device, runId, splits);
  }

  public DevicePolicy devicePolicy() {
    return DevicePolicy.parse(device);
  }
}
