package io.tessera.model.classifier;

/**
 * Rows for training or scoring: row-major features (rows x dim) and one target per row, a class
 * index for classification or a real value for regression.
 */
public record TrainingSet(float[] features, float[] targets, int rows, int dim) {
  public TrainingSet {
    if (rows == 0) {
      throw new IllegalArgumentException("no rows to train on");
    }
    if (features.length != (long) rows * dim || targets.length != rows) {
      throw new IllegalArgumentException("features must be rows x dim and targets one per row");
    }
  }
}
