package io.tessera.jobs.localmaps;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.TesseraException;
import io.tessera.config.ConfigChecks;
import io.tessera.config.JobConfig;
import java.util.List;

/**
 * Settings of the {@code map-transfer} job (see conf/map-transfer.yaml).
 *
 * @param maps local_maps partitions, one per model, all on the same dataset
 * @param ridge 0: the minimum-norm least-squares map; r > 0: ridge-regularised normal equations
 * @param rankTolerance eigenvalues of C^T C below this times the largest count as zero
 */
public record MapTransferConfig(
    @JsonProperty(required = true) List<String> maps,
    @JsonProperty(required = true) String input,
    @JsonProperty(required = true) String output,
    String trainSplit,
    String testSplit,
    Double ridge,
    Double rankTolerance,
    String runId) implements JobConfig {

  public MapTransferConfig {
    trainSplit = trainSplit == null ? "train" : trainSplit;
    testSplit = testSplit == null ? "test" : testSplit;
    ridge = ridge == null ? 0.0 : ridge;
    rankTolerance = rankTolerance == null ? 1e-10 : rankTolerance;
    if (maps.isEmpty()) {
      throw new TesseraException("maps must list at least one local_maps partition");
    }
    if (!(ridge >= 0) || !(rankTolerance >= 0)) {
      throw new TesseraException("ridge and rank_tolerance must be >= 0");
    }
    ConfigChecks.common(0, "cpu", runId, null);
  }

  /** The runs table's model column: the local maps read, comma-separated. */
  @Override
  public String model() {
    return String.join(",", maps);
  }
}
