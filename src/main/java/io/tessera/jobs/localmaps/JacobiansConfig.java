package io.tessera.jobs.localmaps;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.TesseraException;
import io.tessera.config.ConfigChecks;
import io.tessera.model.DevicePolicy;
import io.tessera.run.InputSelection;
import io.tessera.run.JobConfig;
import java.util.List;

/**
 * Settings of the {@code jacobians} job (see conf/jacobians.yaml).
 *
 * @param method auto (exact for ReLU MLPs, autograd otherwise), exact or autograd
 * @param ids only these sample ids of the input; all when absent
 * @param where only the input rows this Spark SQL predicate over the dataset's columns keeps
 */
public record JacobiansConfig(
    @JsonProperty(required = true) String input,
    @JsonProperty(required = true) String model,
    @JsonProperty(required = true) String output,
    String method,
    Integer batchSize,
    Integer partitions,
    String device,
    String runId,
    Boolean quarantine,
    List<String> splits,
    List<Long> ids,
    String where) implements JobConfig, InputSelection {

  public JacobiansConfig {
    ConfigChecks.selection(ids, where);
    method = method == null ? "auto" : method;
    batchSize = batchSize == null ? 128 : batchSize;
    partitions = partitions == null ? 0 : partitions;
    device = device == null ? "auto" : device;
    quarantine = quarantine != null && quarantine;
    if (!List.of("auto", "exact", "autograd").contains(method)) {
      throw new TesseraException("method must be auto, exact or autograd, got '" + method + "'");
    }
    ConfigChecks.batchSize(batchSize);
    ConfigChecks.common(partitions, device, runId, splits);
  }

  public DevicePolicy devicePolicy() {
    return DevicePolicy.parse(device);
  }
}
