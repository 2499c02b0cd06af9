package io.tessera.reproduce;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tessera.TesseraException;
import java.util.List;

/**
 * The Liu et al. MNIST protocol (Tables 2-6), see conf/liu-mnist.yaml: MNIST from IDX files, MLPs
 * trained by Tessera, then adversarial, hamming-neighbours and perturbation-grid per model,
 * segment-crossings and radius-only polytopes on {@code geometryModel}, and the active-bit count
 * against width on pooled digits.
 *
 * @param readings Table 4 once per reading of "a random point at distance r"; the first is the
 *     headline (default: one reading, the sphere)
 * @param geometryModel the network of Tables 5 and 6 (the paper: S2)
 * @param pathPairs Hamming-nearest training pairs whose segments are crossed exactly (Table 5 picks
 *     six of them, spread over their Hamming distances); 0 skips Table 5
 * @param chebyshevSamples seeded-random points per split for Table 6 (the paper: 1,000); 0 skips it
 * @param activeBits the scaled Table 2; {@code images: 0} skips it
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
    List<Reading> readings,
    String geometryModel,
    Integer pathPairs,
    Integer chebyshevSamples,
    ActiveBits activeBits,
    String device) {

  /** One network of the protocol, e.g. S1 = 3 x 200. */
  public record Model(@JsonProperty(required = true) String name, @JsonProperty(required = true) List<Integer> hidden) {}

  /**
   * One reading of Table 4's perturbation: perturbation-grid's {@code noise} and {@code clip}, and
   * a factor on the radii for readings where r is measured in other input units (1/255 for
   * [0, 255] pixels, the pixel sd 0.3081 for standardised inputs: a net trained on rescaled inputs
   * is this net with its first layer rescaled, so only the radius changes).
   */
  public record Reading(String noise, List<Double> clip, Double radiusScale) {
    public Reading {
      noise = noise == null ? "sphere" : noise;
      radiusScale = radiusScale == null ? 1.0 : radiusScale;
      io.tessera.math.PerturbationNoise.parse(noise);
      if (clip != null) {
        io.tessera.config.ConfigChecks.interval(clip, "readings: clip");
      }
      if (!(radiusScale > 0) || !Double.isFinite(radiusScale)) {
        throw new TesseraException("readings: radius_scale must be a finite number > 0, got " + radiusScale);
      }
    }

    /** e.g. "uniform, clip [0.0, 1.0], r x 0.3081". */
    public String describe() {
      return noise + (clip == null ? "" : ", clip " + clip) + (radiusScale == 1.0 ? "" : ", r x " + radiusScale);
    }
  }

  /**
   * Table 2 scaled down: nets of {@code layers} x w for each width, trained on digits
   * average-pooled by {@code pool}, facets of {@code images} training images each.
   */
  public record ActiveBits(List<Integer> widths, Integer layers, Integer images, Integer pool) {
    public ActiveBits {
      widths = widths == null ? List.of(60, 70, 80, 90, 100) : widths;
      layers = layers == null ? 5 : layers;
      images = images == null ? 30 : images;
      pool = pool == null ? 2 : pool;
      if (widths.isEmpty() || widths.stream().anyMatch(w -> w == null || w < 1)) {
        throw new TesseraException("active_bits.widths must list positive layer widths, got " + widths);
      }
      if (layers < 1 || images < 0 || pool < 1) {
        throw new TesseraException("active_bits needs layers >= 1, images >= 0 and pool >= 1, got " + layers + ", " + images + ", " + pool);
      }
    }
  }

  public LiuMnistConfig {
    epochs = epochs == null ? 10 : epochs;
    batchSize = batchSize == null ? 128 : batchSize;
    learningRate = learningRate == null ? 1e-3 : learningRate;
    seed = seed == null ? 1L : seed;
    fgsmEpsilon = fgsmEpsilon == null ? 0.1 : fgsmEpsilon;
    radii = radii == null ? List.of(0.5, 0.75, 1.0) : radii;
    directions = directions == null ? 1 : directions;
    device = device == null ? "auto" : device;
    readings = readings == null ? List.of(new Reading(null, null, null)) : readings;
    if (readings.isEmpty()) {
      throw new TesseraException("readings must list at least one reading (e.g. {noise: sphere})");
    }
    pathPairs = pathPairs == null ? 300 : pathPairs;
    chebyshevSamples = chebyshevSamples == null ? 50 : chebyshevSamples;
    activeBits = activeBits == null ? new ActiveBits(null, null, null, null) : activeBits;
    if (models.isEmpty()) {
      throw new TesseraException("models must name at least one network");
    }
    String geometry = geometryModel == null ? models.get(models.size() - 1).name() : geometryModel;
    if (models.stream().noneMatch(m -> m.name().equals(geometry))) {
      throw new TesseraException("geometry_model '" + geometry + "' is not one of the models' names");
    }
    geometryModel = geometry;
    if (pathPairs < 0 || chebyshevSamples < 0) {
      throw new TesseraException("path_pairs and chebyshev_samples must be >= 0 (0 skips the table), got " + pathPairs + " and " + chebyshevSamples);
    }
    for (Model m : models) {
      if (!m.name().matches("[A-Za-z][A-Za-z0-9_-]*")) {
        throw new TesseraException("model name '" + m.name() + "' must be a letter followed by letters, digits, '_' or '-'");
      }
    }
  }
}
