package io.tessera.data;

import io.tessera.TesseraException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The point sets of Tu et al.'s Fig. 5 protocol (docs/reproductions/tu-fig5.md): the Swiss roll a
 * DDPM is trained on, and unseen shapes (circle, moons, S-curve) moved onto the noiseless roll's
 * centroid and RMS radius, then given the roll's own noise N(0, 0.1^2 I), so that only the shape
 * differs.
 */
public final class TuShapes {
  public static final List<String> SHAPES = List.of("swiss-roll", "circle", "moons", "s-curve");
  private static final double NOISE = 0.1;
  /** Noiseless roll points used to fix its centroid and RMS radius. */
  private static final int REFERENCE_POINTS = 100_000;

  private TuShapes() {}

  /** n points of {@code shape} (one of {@link #SHAPES}); the roll is the training distribution itself. */
  public static LabeledPoints generate(String shape, int n, long seed) {
    if (shape.equals("swiss-roll")) {
      return SyntheticDatasets.generate(SyntheticDatasets.Kind.SWISS_ROLL, n, seed, 2);
    }
    float[][] base = switch (shape) {
      case "circle" -> outerCircle(n, seed);
      case "moons" -> SyntheticDatasets.generate(SyntheticDatasets.Kind.MOONS, n, seed, 2).features();
      case "s-curve" -> SyntheticDatasets.generate(SyntheticDatasets.Kind.S_CURVE, n, seed, 2).features();
      default -> throw new TesseraException("unknown shape '" + shape + "'; known: " + SHAPES);
    };
    double[] target = rollCentroidAndRadius();
    double[] own = centroidAndRadius(base);
    double scale = target[2] / own[2];
    SplittableRandom noise = new SplittableRandom(seed ^ 0x5DEECE66DL);
    float[][] out = new float[n][];
    for (int i = 0; i < n; i++) {
      out[i] = new float[] {
          (float) (target[0] + scale * (base[i][0] - own[0]) + NOISE * noise.nextGaussian()),
          (float) (target[1] + scale * (base[i][1] - own[1]) + NOISE * noise.nextGaussian())};
    }
    return new LabeledPoints(out, null, null);
  }

  /** Centroid (x, y) and RMS distance to it of the noiseless roll (theta cos theta, theta sin theta) / 10. */
  static double[] rollCentroidAndRadius() {
    float[][] roll = new float[REFERENCE_POINTS][];
    for (int i = 0; i < REFERENCE_POINTS; i++) {
      double theta = 1.5 * Math.PI * (1 + 2 * (i + 0.5) / REFERENCE_POINTS);
      roll[i] = new float[] {(float) (theta * Math.cos(theta) / 10), (float) (theta * Math.sin(theta) / 10)};
    }
    return centroidAndRadius(roll);
  }

  private static double[] centroidAndRadius(float[][] points) {
    double cx = Arrays.stream(points).mapToDouble(p -> p[0]).average().orElseThrow();
    double cy = Arrays.stream(points).mapToDouble(p -> p[1]).average().orElseThrow();
    double squares = Arrays.stream(points).mapToDouble(p -> (p[0] - cx) * (p[0] - cx) + (p[1] - cy) * (p[1] - cy)).average().orElseThrow();
    return new double[] {cx, cy, Math.sqrt(squares)};
  }

  /** sklearn's make_circles outer ring (radius 1) alone. */
  private static float[][] outerCircle(int n, long seed) {
    LabeledPoints both = SyntheticDatasets.generate(SyntheticDatasets.Kind.CIRCLES, 2 * n, seed, 2);
    float[][] out = new float[n][];
    for (int i = 0, j = 0; j < n; i++) {
      if (both.labels()[i] == 0) {
        out[j++] = both.features()[i];
      }
    }
    return out;
  }
}
