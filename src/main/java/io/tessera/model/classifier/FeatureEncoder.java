package io.tessera.model.classifier;

/**
 * The penultimate-layer features of a classifier Tessera trained (MLP: the last hidden layer after
 * ReLU; CNN: the last dense layer before the output), used as a learned image embedding where a
 * pretrained perceptual network (LPIPS) cannot be fetched. Safe to share between threads.
 */
public interface FeatureEncoder extends AutoCloseable {
  /** Features of the classifier's input size. */
  int inputDim();

  int featureDim();

  /** Features of {@code batch} inputs: batch x featureDim values. */
  float[] features(float[] inputs, int batch);

  @Override
  void close();
}
