package io.tessera.jobs.topology;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.ConfigException;
import io.tessera.config.ConfigChecks;
import io.tessera.config.JobConfig;
import io.tessera.math.topology.RipsPersistence;
import java.util.List;
import java.util.Map;

/**
 * Settings of the {@code persistence} job (see conf/persistence.yaml): Vietoris–Rips diagrams of
 * each named point cloud, {@code repeats} times with fresh draws.
 *
 * @param clouds name -> where its points come from
 * @param points points drawn per repeat (a dataset source: rows sampled without replacement; 0 = all rows)
 * @param landmarks max–min landmarks taken from those points, 0 = use them all
 * @param threshold largest diameter (edge-length units); null = the enclosing radius
 * @param bettiScales scales at which the betti table counts intervals
 */
public record PersistenceConfig(
    @JsonProperty(required = true) String output,
    @JsonProperty(required = true) Map<String, PointSource> clouds,
    Integer points,
    Integer landmarks,
    Integer repeats,
    Integer maxDimension,
    Double threshold,
    Integer prime,
    List<Double> bettiScales,
    Long seed,
    Integer partitions,
    String runId) implements java.io.Serializable, JobConfig {
  /**
   * Above these sizes a task needs more than about 2.3 GB of heap at the enclosing radius, extrapolated from bench/persistence
   * (1.06 GB for H1 on 2,000 points, growing as n^2; 1.28 GB for H2 on 500, growing as n^3): use landmarks.
   */
  static final int MAX_POINTS_H1 = 3000;
  static final int MAX_POINTS_H2 = 600;

  public PersistenceConfig {
    points = points == null ? 1000 : points;
    landmarks = landmarks == null ? 0 : landmarks;
    repeats = repeats == null ? 1 : repeats;
    maxDimension = maxDimension == null ? 1 : maxDimension;
    prime = prime == null ? 2 : prime;
    bettiScales = bettiScales == null ? List.of() : List.copyOf(bettiScales);
    seed = seed == null ? 0L : seed;
    partitions = partitions == null ? 0 : partitions;
    if (clouds.isEmpty()) {
      throw new ConfigException("clouds must name at least one point cloud");
    }
    if (points < 0 || landmarks < 0 || repeats < 1) {
      throw new ConfigException("points and landmarks must be >= 0 and repeats >= 1, got " + points + ", " + landmarks + ", " + repeats);
    }
    if (landmarks > 0 && points > 0 && landmarks > points) {
      throw new ConfigException("landmarks (" + landmarks + ") cannot exceed points (" + points + ")");
    }
    int used = landmarks > 0 ? landmarks : points;
    int limit = maxDimension >= 2 ? MAX_POINTS_H2 : MAX_POINTS_H1;
    if (maxDimension >= 1 && (used == 0 || used > limit)) {
      throw new ConfigException("H" + maxDimension + " on " + (used == 0 ? "every row of a dataset" : used + " points")
          + " is beyond one task (at most " + limit + "); set landmarks");
    }
    for (Map.Entry<String, PointSource> cloud : clouds.entrySet()) {
      if (cloud.getValue() == null) {
        throw new ConfigException("cloud '" + cloud.getKey() + "' has no source (generate or dataset)");
      }
      if (cloud.getValue().generated() && points == 0) {
        throw new ConfigException("cloud '" + cloud.getKey() + "' is generated: points must be > 0");
      }
    }
    final double tau = threshold == null ? Double.POSITIVE_INFINITY : threshold;
    final int q = maxDimension;
    final int p = prime;
    ConfigChecks.setting(() -> RipsPersistence.requireOptions(q, tau, p));
    if (bettiScales.stream().anyMatch(s -> s == null || !(s >= 0) || Double.isInfinite(s))) {
      throw new ConfigException("betti_scales must be finite scales >= 0, got " + bettiScales);
    }
    ConfigChecks.common(partitions, "cpu", runId, null);
  }
}
