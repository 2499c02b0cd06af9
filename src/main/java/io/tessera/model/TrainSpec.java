package io.tessera.model;

import java.util.List;

/** How to train an MLP: architecture, optimiser settings and the seed that makes it repeatable. */
public record TrainSpec(
    String modelId,
    ModelCard.Task task,
    List<Integer> hidden,
    int outputDim,
    int epochs,
    int batchSize,
    double learningRate,
    long seed,
    DevicePolicy device,
    String datasetName) {

  public TrainSpec {
    if (hidden.isEmpty() || hidden.stream().anyMatch(w -> w <= 0)) {
      throw new io.tessera.TesseraException("hidden widths must be positive, got " + hidden);
    }
    if (epochs <= 0 || batchSize <= 0 || !(learningRate > 0)) {
      throw new io.tessera.TesseraException("epochs, batch size and learning rate must be positive");
    }
  }
}
