package io.tessera.model.classifier;

import io.tessera.model.Network;
import java.util.function.BiFunction;

/** A classifier's penultimate-layer activations as a {@link FeatureEncoder}; closing it closes the classifier. */
final class PenultimateFeatures implements FeatureEncoder {
  private final Network classifier;
  private final BiFunction<float[], Integer, float[]> features;
  private final int featureDim;

  private PenultimateFeatures(Network classifier, BiFunction<float[], Integer, float[]> features) {
    this.classifier = classifier;
    this.features = features;
    this.featureDim = features.apply(new float[classifier.inputDim()], 1).length;
  }

  /** The last hidden layer of a ReLU MLP, after its ReLU. */
  static FeatureEncoder of(ReluMlpNetwork mlp) {
    return new PenultimateFeatures(mlp, (inputs, batch) -> {
      float[][] pre = mlp.preActivations(inputs, batch).preActivations();
      float[] last = pre[pre.length - 1].clone();
      for (int k = 0; k < last.length; k++) {
        last[k] = Math.max(0f, last[k]);
      }
      return last;
    });
  }

  /** Everything but the output layer of a CNN. */
  static FeatureEncoder of(TrainedBlockNetwork cnn) {
    return new PenultimateFeatures(cnn, cnn::penultimate);
  }

  @Override
  public int inputDim() {
    return classifier.inputDim();
  }

  @Override
  public int featureDim() {
    return featureDim;
  }

  @Override
  public float[] features(float[] inputs, int batch) {
    return features.apply(inputs, batch);
  }

  @Override
  public void close() {
    classifier.close();
  }
}
