package io.tessera.jobs.localmaps;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tessera.TesseraException;
import io.tessera.config.ConfigChecks;
import io.tessera.config.DatasetJobConfig;
import io.tessera.config.DatasetJobOptions;
import java.util.List;

/**
 * Settings of the {@code jacobians} job (see conf/jacobians.yaml).
 *
 * @param common input, model, output, partitions, device, run_id, quarantine, splits, ids and where
 *     (DatasetJobOptions)
 * @param method auto (exact for ReLU MLPs, autograd otherwise), exact or autograd
 */
public record JacobiansConfig(
    @JsonUnwrapped DatasetJobOptions common,
    String method,
    Integer batchSize) implements DatasetJobConfig {

  public JacobiansConfig {
    method = method == null ? "auto" : method;
    batchSize = batchSize == null ? 128 : batchSize;
    if (!List.of("auto", "exact", "autograd").contains(method)) {
      throw new TesseraException("method must be auto, exact or autograd, got '" + method + "'");
    }
    ConfigChecks.batchSize(batchSize);
  }
}
