package io.tessera.jobs.polytopes;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.TesseraException;
import io.tessera.config.ConfigChecks;
import io.tessera.config.JobConfig;
import java.util.List;

/**
 * Settings of the {@code region-census} job (see conf/liu-table1.yaml): for each architecture,
 * train {@code repeats} networks on x1^2 + x2^2 - 0.4 and count their regions in the box.
 *
 * @param architectures [layers, width] pairs
 * @param samples points drawn uniformly in [-1, 1]^2 per network (Liu: 10,000)
 * @param validationFraction share of them held out for the MSE
 *     <p>Serializable: the executors read the training settings from it.
 */
public record RegionCensusConfig(
    @JsonProperty(required = true) String output,
    @JsonProperty(required = true) List<List<Integer>> architectures,
    Integer repeats,
    Integer samples,
    Double validationFraction,
    Integer epochs,
    Integer batchSize,
    Double learningRate,
    List<Double> box,
    Long seed,
    Integer partitions,
    String runId) implements java.io.Serializable, JobConfig {

  public RegionCensusConfig {
    repeats = repeats == null ? 10 : repeats;
    samples = samples == null ? 10_000 : samples;
    validationFraction = validationFraction == null ? 0.2 : validationFraction;
    epochs = epochs == null ? 50 : epochs;
    batchSize = batchSize == null ? 64 : batchSize;
    learningRate = learningRate == null ? 0.005 : learningRate;
    box = box == null ? List.of(-1.0, 1.0) : box;
    seed = seed == null ? 0L : seed;
    partitions = partitions == null ? 0 : partitions;
    if (architectures.isEmpty() || architectures.stream().anyMatch(a -> a == null || a.size() != 2 || a.stream().anyMatch(v -> v == null || v < 1))) {
      throw new TesseraException("architectures must be a non-empty list of [layers, width] with positive entries, got " + architectures);
    }
    if (repeats < 1 || samples < 10 || epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
      throw new TesseraException("repeats, epochs, batch_size and learning_rate must be positive and samples >= 10");
    }
    if (!(validationFraction > 0 && validationFraction < 1)) {
      throw new TesseraException("validation_fraction must be in (0, 1), got " + validationFraction);
    }
    ConfigChecks.box(box);
    ConfigChecks.common(partitions, "cpu", runId, null);
  }
}
