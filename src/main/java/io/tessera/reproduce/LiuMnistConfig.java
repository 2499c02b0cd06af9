package io.tessera.reproduce;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tessera.TesseraException;
import java.util.List;

/**
 * The Liu et al. MNIST protocol (Tables 3 and 4), see conf/liu-mnist.yaml: MNIST from IDX files,
 * MLPs trained by Tessera, then adversarial, hamming-neighbours and perturbation-grid per model.
 */
public record LiuMnistConfig(
    @JsonUnwrapped MnistFiles mnist,
    @JsonProperty(required = true) String output,
    @JsonProperty(required = true) List<Model> models,
    Integer epochs,
    Integer batchSize,
    Double learningRate,
    Long seed,
    Double fgsmEpsilon,
    List<Double> radii,
    Integer directions,
    String device) {

  /** One network of the protocol, e.g. S1 = 3 x 200. */
  public record Model(@JsonProperty(required = true) String name, @JsonProperty(required = true) List<Integer> hidden) {}

  public LiuMnistConfig {
    epochs = epochs == null ? 10 : epochs;
    batchSize = batchSize == null ? 128 : batchSize;
    learningRate = learningRate == null ? 1e-3 : learningRate;
    seed = seed == null ? 1L : seed;
    fgsmEpsilon = fgsmEpsilon == null ? 0.1 : fgsmEpsilon;
    radii = radii == null ? List.of(0.5, 0.75, 1.0) : radii;
    directions = directions == null ? 1 : directions;
    device = device == null ? "auto" : device;
    if (models.isEmpty()) {
      throw new TesseraException("models must name at least one network");
    }
    for (Model m : models) {
      if (!m.name().matches("[A-Za-z][A-Za-z0-9_-]*")) {
        throw new TesseraException("model name '" + m.name() + "' must be a letter followed by letters, digits, '_' or '-'");
      }
    }
  }
}
