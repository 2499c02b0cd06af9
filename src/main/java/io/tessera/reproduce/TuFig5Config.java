package io.tessera.reproduce;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.TesseraException;
import java.util.List;

/**
 * Tu et al.'s Fig. 5 protocol (see conf/tu-fig5.yaml): a DDPM trained on a Swiss roll, then
 * diffusion-loglik on held-out roll points and on a circle, moons and an S-curve moved onto the
 * roll's centroid and scale.
 */
public record TuFig5Config(
    @JsonProperty(required = true) String output,
    Integer trainPoints,
    Integer pointsPerShape,
    Integer steps,
    List<Integer> hidden,
    Integer timeEmbedding,
    Integer iterations,
    Integer batchSize,
    Double learningRate,
    List<Integer> stepSizes,
    Integer rounds,
    String variance,
    Long seed,
    String device) {

  public TuFig5Config {
    trainPoints = trainPoints == null ? 10_000 : trainPoints;
    pointsPerShape = pointsPerShape == null ? 1_000 : pointsPerShape;
    steps = steps == null ? 100 : steps;
    hidden = hidden == null ? List.of(128, 128, 128) : hidden;
    timeEmbedding = timeEmbedding == null ? 32 : timeEmbedding;
    iterations = iterations == null ? 20_000 : iterations;
    batchSize = batchSize == null ? 1024 : batchSize;
    learningRate = learningRate == null ? 1e-3 : learningRate;
    stepSizes = stepSizes == null ? List.of(1, 2, 5, 10, 20) : stepSizes;
    rounds = rounds == null ? 20 : rounds;
    variance = variance == null ? "A" : variance;
    seed = seed == null ? 1L : seed;
    device = device == null ? "auto" : device;
    if (trainPoints <= 0 || pointsPerShape <= 0) {
      throw new TesseraException("train_points and points_per_shape must be positive, got " + trainPoints + " and " + pointsPerShape);
    }
  }
}
