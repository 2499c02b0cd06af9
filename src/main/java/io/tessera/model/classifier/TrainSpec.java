package io.tessera.model.classifier;

import io.tessera.model.DevicePolicy;
import java.util.List;

/**
 * How to train a network: architecture (dense hidden widths, after convolution layers of
 * {@code convFilters} filters when that is not empty), optimiser settings and the seed that makes
 * it repeatable.
 */
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
    String datasetName,
    List<Integer> convFilters) {

  /** A ReLU MLP. */
  public TrainSpec(String modelId, ModelCard.Task task, List<Integer> hidden, int outputDim, int epochs, int batchSize,
      double learningRate, long seed, DevicePolicy device, String datasetName) {
    this(modelId, task, hidden, outputDim, epochs, batchSize, learningRate, seed, device, datasetName, List.of());
  }

  public TrainSpec {
    if (convFilters.stream().anyMatch(f -> f <= 0)) {
      throw new io.tessera.TesseraException("conv filters must be positive, got " + convFilters);
    }
    if (hidden.isEmpty() || hidden.stream().anyMatch(w -> w <= 0)) {
      throw new io.tessera.TesseraException("hidden widths must be positive, got " + hidden);
    }
    if (epochs <= 0 || batchSize <= 0 || !(learningRate > 0)) {
      throw new io.tessera.TesseraException("epochs, batch size and learning rate must be positive");
    }
  }
}
