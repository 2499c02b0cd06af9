package io.tessera.data;

/**
 * Points held on the driver: features[i] with an optional class label and an optional regression
 * target (either array may be null when the dataset has none).
 */
public record LabeledPoints(float[][] features, int[] labels, double[] targets) {
  public LabeledPoints {
    if (labels != null && labels.length != features.length) {
      throw new IllegalArgumentException("one label per point expected");
    }
    if (targets != null && targets.length != features.length) {
      throw new IllegalArgumentException("one target per point expected");
    }
  }

  public int size() {
    return features.length;
  }

  public int dim() {
    return features.length == 0 ? 0 : features[0].length;
  }
}
