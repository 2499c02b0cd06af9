package io.tessera.jobs.topology;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.ConfigException;
import io.tessera.EnumNames;
import io.tessera.config.ConfigChecks;
import io.tessera.config.JobConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Settings of the {@code sample-metrics} job (see conf/sample-metrics.yaml): every named comparison,
 * {@code repeats} times, each repeat a fresh draw of {@code sample_size} points per side.
 *
 * @param metrics which metric families to compute (default all of {@link SampleMetric})
 * @param k neighbours for precision/recall/density/coverage and the k-NN graphs
 * @param lambda the graph divergence's softmax temperature (distance units)
 * @param diagramPoints points per side for the persistence diagrams (uniform subsample of the draw)
 * @param baseline a comparison every other one is t-tested against, metric by metric (Jin's "ground truth" row)
 * @param featureModel a classifier from tessera train whose penultimate features carry FD and PRDC (FID-style); null: the coordinates
 */
public record SampleMetricsConfig(
    @JsonProperty(required = true) String output,
    @JsonProperty(required = true) Map<String, Comparison> comparisons,
    Integer sampleSize,
    Integer repeats,
    List<String> metrics,
    Integer k,
    Double lambda,
    Integer diagramPoints,
    String baseline,
    String featureModel,
    String device,
    Long seed,
    Integer partitions,
    String runId) implements java.io.Serializable, JobConfig {

  public SampleMetricsConfig {
    sampleSize = sampleSize == null ? 1000 : sampleSize;
    repeats = repeats == null ? 10 : repeats;
    metrics = metrics == null ? Arrays.stream(SampleMetric.values()).map(EnumNames::display).toList() : List.copyOf(metrics);
    k = k == null ? 5 : k;
    lambda = lambda == null ? 1.0 : lambda;
    diagramPoints = diagramPoints == null ? Math.min(200, sampleSize) : diagramPoints;
    device = device == null ? "auto" : device;
    seed = seed == null ? 0L : seed;
    partitions = partitions == null ? 0 : partitions;
    if (comparisons.isEmpty() || comparisons.containsValue(null)) {
      throw new ConfigException("comparisons must name at least one comparison, each with real and fake sources");
    }
    if (sampleSize < 4 || sampleSize > 5000 || repeats < 1) {
      throw new ConfigException("sample_size must be in 4..5000 (the assignment is O(n^3)) and repeats >= 1, got " + sampleSize + " and " + repeats);
    }
    if (metrics.isEmpty()) {
      throw new ConfigException("metrics, when given, must name at least one of " + Arrays.toString(SampleMetric.values()));
    }
    metrics.forEach(SampleMetric::parse);
    if (k < 1 || k >= sampleSize) {
      throw new ConfigException("k must be in 1.." + (sampleSize - 1) + " (below sample_size), got " + k);
    }
    if (!(lambda > 0) || Double.isInfinite(lambda)) {
      throw new ConfigException("lambda must be a positive number, got " + lambda);
    }
    if (diagramPoints < 2 || diagramPoints > Math.min(sampleSize, PersistenceConfig.MAX_POINTS_H2)) {
      throw new ConfigException("diagram_points must be in 2.." + Math.min(sampleSize, PersistenceConfig.MAX_POINTS_H2) + ", got " + diagramPoints);
    }
    if (baseline != null && !comparisons.containsKey(baseline)) {
      throw new ConfigException("baseline '" + baseline + "' is not one of the comparisons " + comparisons.keySet());
    }
    if (baseline != null && repeats < 2) {
      throw new ConfigException("a baseline's t-tests need repeats >= 2, got " + repeats);
    }
    ConfigChecks.common(partitions, device, runId, null);
  }

  public io.tessera.model.DevicePolicy devicePolicy() {
    return io.tessera.model.DevicePolicy.parse(device);
  }

  /** What the fd and prdc columns were computed on. */
  public String featureSpace() {
    return featureModel == null ? "coordinates" : featureModel;
  }

  public boolean computes(SampleMetric metric) {
    return metrics.stream().map(SampleMetric::parse).anyMatch(metric::equals);
  }
}
