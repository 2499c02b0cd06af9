package io.tessera.jobs.localmaps;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.TesseraException;
import io.tessera.config.ConfigChecks;
import io.tessera.config.JobConfig;
import java.util.List;

/**
 * Settings of the {@code cluster-maps} job (see conf/cluster-maps.yaml).
 *
 * @param maps a local_maps partition (from the jacobians job)
 * @param input the dataset those maps were computed on (for the test samples' features and labels)
 * @param ks the numbers of centres to try
 * @param trainSplit the split whose maps are clustered
 * @param testSplit the split classified with the centres
 * @param partitions how many hash partitions of sample_id k-means runs over: fixed, because
 *     k-means|| seeds its sampling per partition, so the input's own layout must not reach it
 */
public record ClusterMapsConfig(
    @JsonProperty(required = true) String maps,
    @JsonProperty(required = true) String input,
    @JsonProperty(required = true) String output,
    List<Integer> ks,
    String trainSplit,
    String testSplit,
    Long seed,
    Integer maxIterations,
    Double tolerance,
    String runId,
    Integer partitions) implements JobConfig {

  public ClusterMapsConfig {
    ks = ks == null ? List.of(1, 10, 100) : ks;
    trainSplit = trainSplit == null ? "train" : trainSplit;
    testSplit = testSplit == null ? "test" : testSplit;
    seed = seed == null ? 0L : seed;
    maxIterations = maxIterations == null ? 300 : maxIterations;
    tolerance = tolerance == null ? 1e-4 : tolerance;
    partitions = partitions == null ? 16 : partitions;
    if (ks.isEmpty() || ks.stream().anyMatch(k -> k == null || k < 1)) {
      throw new TesseraException("ks must be a non-empty list of positive numbers of centres, got " + ks);
    }
    if (maxIterations < 1 || !(tolerance >= 0) || partitions < 1) {
      throw new TesseraException("max_iterations and partitions must be >= 1 and tolerance >= 0");
    }
    ConfigChecks.common(0, "cpu", runId, null);
  }

  /** The runs table's model column: the local maps read. */
  @Override
  public String model() {
    return maps;
  }
}
