package io.tessera.math.topology;

import io.tessera.math.Points;

/**
 * Max–min (farthest-point) landmarks: a seeded first point, then each next landmark the point
 * farthest from those already chosen (docs/methods/persistence.md, Subsampling). The covering
 * radius eps_cov, the largest distance from any point to its nearest landmark, bounds the bottleneck
 * distance between the full and the landmark diagrams by 2 eps_cov.
 *
 * @param indices the chosen points, in the order they were chosen
 * @param coveringRadius max over all points of the distance to the nearest landmark
 */
public record Landmarks(int[] indices, double coveringRadius) {

  public static Landmarks maxMin(double[][] points, int count, long seed) {
    Points.requireCloud(points, "landmarks");
    if (count < 1 || count > points.length) {
      throw new IllegalArgumentException("landmarks: asked for " + count + " of " + points.length + " points");
    }
    double[] nearest = new double[points.length];
    java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    int[] chosen = new int[count];
    chosen[0] = new java.util.SplittableRandom(seed).nextInt(points.length);
    for (int l = 0; ; l++) {
      int farthest = 0;
      for (int i = 0; i < points.length; i++) {
        nearest[i] = Math.min(nearest[i], Points.distance(points[i], points[chosen[l]]));
        if (nearest[i] > nearest[farthest]) {
          farthest = i;
        }
      }
      if (l + 1 == count) {
        return new Landmarks(chosen, nearest[farthest]);
      }
      chosen[l + 1] = farthest;
    }
  }

  public double[][] of(double[][] points) {
    double[][] subset = new double[indices.length][];
    for (int l = 0; l < indices.length; l++) {
      subset[l] = points[indices[l]];
    }
    return subset;
  }
}
