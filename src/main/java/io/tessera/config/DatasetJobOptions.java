package io.tessera.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The options every job that runs a model over a dataset shares, declared once (docs/configuration.md);
 * each such job's config unwraps this block, so the YAML keys stay flat.
 *
 * @param input dataset URI (Parquet, schema data-schemas/dataset.sql)
 * @param model Tessera model directory or TorchScript .pt file
 * @param output output root under which tables are published
 * @param partitions Spark partitions to split the input into; 0 keeps the input's partitioning
 * @param device auto, cpu or gpu
 * @param runId run id to use; generated when absent
 * @param quarantine divert bad rows to _rejects instead of failing the run
 * @param splits only these splits of the input; all when absent
 * @param ids only these sample ids of the input; all when absent
 * @param where only the input rows this Spark SQL predicate over the dataset's columns keeps
 */
public record DatasetJobOptions(
    @JsonProperty(required = true) String input,
    @JsonProperty(required = true) String model,
    @JsonProperty(required = true) String output,
    Integer partitions,
    String device,
    String runId,
    Boolean quarantine,
    List<String> splits,
    List<Long> ids,
    String where) {

  public DatasetJobOptions {
    partitions = partitions == null ? 0 : partitions;
    device = device == null ? "auto" : device;
    quarantine = quarantine != null && quarantine;
    ConfigChecks.common(partitions, device, runId, splits);
    ConfigChecks.selection(ids, where);
  }
}
