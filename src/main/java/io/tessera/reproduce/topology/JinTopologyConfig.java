package io.tessera.reproduce.topology;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.ConfigException;
import java.util.List;

/**
 * Jin et al.'s scaled point-cloud protocol (see conf/jin-topology.yaml): per manifold, a DDPM trained
 * on {@code trainPoints} draws; W2 and the other sample metrics over {@code repeats} fresh draws of
 * {@code sampleSize} per side, t-tested against two ground-truth draws; persistence of
 * {@code landmarks} max–min landmarks of {@code persistencePoints} points per repeat, and the rate at
 * which the Betti numbers at the manifold's scale come out right.
 *
 * @param manifolds generator kinds whose topology is known: circle, clifford-torus, sphere, klein-bottle
 * @param iterations one DDPM per training budget (Adam steps); a short one is the control
 */
public record JinTopologyConfig(
    @JsonProperty(required = true) String output,
    List<String> manifolds,
    Integer trainPoints,
    Integer steps,
    List<Integer> hidden,
    Integer timeEmbedding,
    List<Integer> iterations,
    Integer batchSize,
    Double learningRate,
    Integer sampleSize,
    Integer repeats,
    Integer persistencePoints,
    Integer landmarks,
    Long seed,
    String device) {

  public JinTopologyConfig {
    manifolds = manifolds == null ? List.of("clifford-torus", "sphere") : List.copyOf(manifolds);
    trainPoints = trainPoints == null ? 10_000 : trainPoints;
    steps = steps == null ? 200 : steps;
    hidden = hidden == null ? List.of(256, 256, 256) : hidden;
    timeEmbedding = timeEmbedding == null ? 32 : timeEmbedding;
    iterations = iterations == null ? List.of(20_000, 1_000) : List.copyOf(iterations);
    batchSize = batchSize == null ? 512 : batchSize;
    learningRate = learningRate == null ? 1e-3 : learningRate;
    sampleSize = sampleSize == null ? 1000 : sampleSize;
    repeats = repeats == null ? 10 : repeats;
    persistencePoints = persistencePoints == null ? 3000 : persistencePoints;
    landmarks = landmarks == null ? 150 : landmarks;
    seed = seed == null ? 1L : seed;
    device = device == null ? "auto" : device;
    if (manifolds.isEmpty()) {
      throw new ConfigException("manifolds must name at least one of " + ManifoldTruth.KINDS);
    }
    manifolds.forEach(ManifoldTruth::of);
    if (iterations.isEmpty() || iterations.stream().anyMatch(i -> i == null || i < 1) || iterations.stream().distinct().count() < iterations.size()) {
      throw new ConfigException("iterations must list distinct positive training budgets, one DDPM each, got " + iterations);
    }
    if (trainPoints < 100 || repeats < 2 || sampleSize < 10 || landmarks < 10 || landmarks > persistencePoints) {
      throw new ConfigException("train_points >= 100, repeats >= 2, sample_size >= 10 and 10 <= landmarks <= persistence_points, got "
          + trainPoints + ", " + repeats + ", " + sampleSize + ", " + landmarks + " and " + persistencePoints);
    }
  }
}
