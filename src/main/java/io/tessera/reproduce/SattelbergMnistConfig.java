package io.tessera.reproduce;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tessera.TesseraException;
import java.util.HashSet;
import java.util.List;

/**
 * Sattelberg et al.'s MNIST protocol (Tables 1 and 2), see conf/sattelberg-mnist.yaml: networks
 * trained by Tessera, then jacobians per network, cluster-maps per network and map-transfer over
 * every ordered pair, on the first {@code mapsTrain} training and {@code mapsTest} test images.
 */
public record SattelbergMnistConfig(
    @JsonUnwrapped MnistFiles mnist,
    @JsonProperty(required = true) String output,
    @JsonProperty(required = true) List<Model> models,
    Integer epochs,
    Integer batchSize,
    Double learningRate,
    Integer mapsTrain,
    Integer mapsTest,
    List<Integer> ks,
    Long seed,
    String device) {

  /** One network: dense hidden widths after optional conv layers, and its own training seed. */
  public record Model(
      @JsonProperty(required = true) String name,
      @JsonProperty(required = true) List<Integer> hidden,
      List<Integer> convFilters,
      @JsonProperty(required = true) Long seed) {
    public Model {
      convFilters = convFilters == null ? List.of() : convFilters;
    }
  }

  public SattelbergMnistConfig {
    epochs = epochs == null ? 10 : epochs;
    batchSize = batchSize == null ? 64 : batchSize;
    learningRate = learningRate == null ? 1e-3 : learningRate;
    mapsTrain = mapsTrain == null ? 2000 : mapsTrain;
    mapsTest = mapsTest == null ? 1000 : mapsTest;
    ks = ks == null ? List.of(1, 10, 100) : ks;
    seed = seed == null ? 0L : seed;
    device = device == null ? "auto" : device;
    if (models.size() < 2) {
      throw new TesseraException("models must name at least two networks, for Table 2's pairs");
    }
    if (mapsTrain <= 0 || mapsTest <= 0) {
      throw new TesseraException("maps_train and maps_test must be positive, got " + mapsTrain + " and " + mapsTest);
    }
    HashSet<String> names = new HashSet<>();
    for (Model m : models) {
      if (!m.name().matches("[A-Za-z][A-Za-z0-9_-]*") || !names.add(m.name())) {
        throw new TesseraException("model name '" + m.name() + "' must be unique: a letter followed by letters, digits, '_' or '-'");
      }
    }
  }
}
