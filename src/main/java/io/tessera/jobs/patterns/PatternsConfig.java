package io.tessera.jobs.patterns;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.config.ConfigChecks;
import io.tessera.model.DevicePolicy;
import io.tessera.run.InputSelection;
import io.tessera.run.JobConfig;
import java.util.List;

/**
 * Settings of the {@code patterns} job (see conf/patterns.yaml).
 *
 * @param input dataset URI (Parquet, schema data-schemas/dataset.sql)
 * @param model Tessera model directory or TorchScript .pt file
 * @param output output root under which tables are published
 * @param batchSize samples per forward pass
 * @param partitions Spark partitions to split the input into; 0 keeps the input's partitioning
 * @param device auto, cpu or gpu
 * @param runId run id to use; generated when absent
 * @param quarantine divert bad rows to _rejects instead of failing the run
 * @param splits only these splits of the input; all when absent
 * @param ids only these sample ids of the input; all when absent
 * @param where only the input rows this Spark SQL predicate over the dataset's columns keeps
 */
public record PatternsConfig(
    @JsonProperty(required = true) String input,
    @JsonProperty(required = true) String model,
    @JsonProperty(required = true) String output,
    Integer batchSize,
    Integer partitions,
    String device,
    String runId,
    Boolean quarantine,
    List<String> splits,
    List<Long> ids,
    String where) implements JobConfig, InputSelection {

  public PatternsConfig {
    ConfigChecks.selection(ids, where);
    batchSize = batchSize == null ? 1024 : batchSize;
    partitions = partitions == null ? 0 : partitions;
    device = device == null ? "auto" : device;
    quarantine = quarantine != null && quarantine;
    ConfigChecks.batchSize(batchSize);
    ConfigChecks.common(partitions, device, runId, splits);
  }

  public DevicePolicy devicePolicy() {
    return DevicePolicy.parse(device);
  }
}
