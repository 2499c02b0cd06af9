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

  /** The rows of {@code a} followed by those of {@code b}; labels and targets only where both have them. */
  public static LabeledPoints concat(LabeledPoints a, LabeledPoints b) {
    float[][] features = java.util.stream.Stream.concat(java.util.Arrays.stream(a.features), java.util.Arrays.stream(b.features))
        .toArray(float[][]::new);
    int[] labels = a.labels == null || b.labels == null ? null
        : java.util.stream.IntStream.concat(java.util.Arrays.stream(a.labels), java.util.Arrays.stream(b.labels)).toArray();
    double[] targets = a.targets == null || b.targets == null ? null
        : java.util.stream.DoubleStream.concat(java.util.Arrays.stream(a.targets), java.util.Arrays.stream(b.targets)).toArray();
    return new LabeledPoints(features, labels, targets);
  }

  /** The first {@code n} points (all of them when there are fewer). */
  public LabeledPoints head(int n) {
    int keep = Math.min(n, size());
    return new LabeledPoints(java.util.Arrays.copyOf(features, keep), labels == null ? null : java.util.Arrays.copyOf(labels, keep),
        targets == null ? null : java.util.Arrays.copyOf(targets, keep));
  }

  /**
   * Square images shrunk by {@code factor}: each output pixel is the mean of a factor x factor
   * block (28x28 MNIST with factor 2 gives 14x14, the scaled Liu Table 2). Labels and targets are
   * kept.
   */
  public LabeledPoints averagePooled(int factor) {
    int side = side();
    if (factor < 1 || side % factor != 0) {
      throw new IllegalArgumentException("cannot pool " + dim() + "-pixel images by " + factor + ": they must be square with a side divisible by it");
    }
    int out = side / factor;
    float[][] pooled = new float[size()][out * out];
    for (int i = 0; i < size(); i++) {
      for (int r = 0; r < side; r++) {
        for (int c = 0; c < side; c++) {
          pooled[i][(r / factor) * out + c / factor] += features[i][r * side + c];
        }
      }
      for (int k = 0; k < pooled[i].length; k++) {
        pooled[i][k] /= factor * factor;
      }
    }
    return new LabeledPoints(pooled, labels, targets);
  }

  /** Points {@code from} (inclusive) to {@code to} (exclusive). */
  public LabeledPoints rows(int from, int to) {
    return new LabeledPoints(java.util.Arrays.copyOfRange(features, from, to), labels == null ? null : java.util.Arrays.copyOfRange(labels, from, to),
        targets == null ? null : java.util.Arrays.copyOfRange(targets, from, to));
  }

  /** Square images turned a quarter turn counter-clockwise: the top row becomes the left column, read bottom up. */
  public LabeledPoints rotated90() {
    int side = side();
    float[][] turned = new float[size()][dim()];
    for (int i = 0; i < size(); i++) {
      for (int r = 0; r < side; r++) {
        for (int c = 0; c < side; c++) {
          turned[i][(side - 1 - c) * side + r] = features[i][r * side + c];
        }
      }
    }
    return new LabeledPoints(turned, labels, targets);
  }

  /** Images in [0, 1] with their intensities inverted: x becomes 1 - x. */
  public LabeledPoints inverted() {
    float[][] out = new float[size()][];
    for (int i = 0; i < size(); i++) {
      out[i] = new float[features[i].length];
      for (int k = 0; k < out[i].length; k++) {
        out[i][k] = 1 - features[i][k];
      }
    }
    return new LabeledPoints(out, labels, targets);
  }

  private int side() {
    int side = (int) Math.round(Math.sqrt(dim()));
    if (side * side != dim()) {
      throw new IllegalArgumentException(dim() + "-pixel points are not square images");
    }
    return side;
  }

  public int size() {
    return features.length;
  }

  public int dim() {
    return features.length == 0 ? 0 : features[0].length;
  }
}
