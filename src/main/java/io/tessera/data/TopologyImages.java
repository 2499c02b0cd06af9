package io.tessera.data;

import java.util.SplittableRandom;

/**
 * 32 x 32 single-channel image sets whose data manifold has a known topology (Jin et al.'s datasets,
 * with the rendering details they leave open fixed here; docs/methods/persistence.md, Image
 * manifolds). Values in [0, 1], row-major.
 * <ul>
 *   <li>{@link #ellipseTorus}: an ellipse with semi-axes 12 and 6 px on a 64 x 64 canvas, centred at
 *       (32, 32) + 14 (cos theta, sin theta), turned by phi; pixel centres inside it are 1; then 2 x 2
 *       box-averaged. theta in [0, 2 pi) and phi in [0, pi) (the ellipse's own symmetry) are
 *       uniform; (theta, phi) -> image is continuous and one-to-one, so the images form a torus.</li>
 *   <li>{@link #jar}: a disk of radius 14 px lit from direction u: the pixel at offset (x, y) / 14
 *       from the centre has normal n = (x, y, sqrt(1 - x^2 - y^2)) and intensity sigmoid(4 n . u), 0
 *       outside; u uniform on S^2. The visible normals span R^3 and the sigmoid is monotone, so u ->
 *       image is one-to-one: the images form a sphere.</li>
 * </ul>
 */
public final class TopologyImages {
  public static final int SIDE = 32;

  private TopologyImages() {}

  public static LabeledPoints ellipseTorus(int n, SplittableRandom random) {
    float[][] images = new float[n][];
    for (int i = 0; i < n; i++) {
      images[i] = ellipse(random.nextDouble(0, 2 * Math.PI), random.nextDouble(0, Math.PI));
    }
    return new LabeledPoints(images, null, null);
  }

  public static LabeledPoints jar(int n, SplittableRandom random) {
    float[][] images = new float[n][];
    for (int i = 0; i < n; i++) {
      double[] u = io.tessera.math.Seeds.unitDirection(random, 3);
      images[i] = jar(u);
    }
    return new LabeledPoints(images, null, null);
  }

  static float[] ellipse(double theta, double phi) {
    double cx = 32 + 14 * Math.cos(theta);
    double cy = 32 + 14 * Math.sin(theta);
    double cos = Math.cos(phi);
    double sin = Math.sin(phi);
    float[] image = new float[SIDE * SIDE];
    for (int y = 0; y < 2 * SIDE; y++) {
      for (int x = 0; x < 2 * SIDE; x++) {
        double dx = x + 0.5 - cx;
        double dy = y + 0.5 - cy;
        double u = cos * dx + sin * dy; // the offset turned by -phi
        double v = -sin * dx + cos * dy;
        if ((u / 12) * (u / 12) + (v / 6) * (v / 6) <= 1) {
          image[(y / 2) * SIDE + x / 2] += 0.25f;
        }
      }
    }
    return image;
  }

  static float[] jar(double[] u) {
    float[] image = new float[SIDE * SIDE];
    for (int row = 0; row < SIDE; row++) {
      for (int col = 0; col < SIDE; col++) {
        double x = (col + 0.5 - SIDE / 2.0) / 14;
        double y = (row + 0.5 - SIDE / 2.0) / 14;
        double rr = x * x + y * y;
        if (rr <= 1) {
          double dot = x * u[0] + y * u[1] + Math.sqrt(1 - rr) * u[2];
          image[row * SIDE + col] = (float) (1 / (1 + Math.exp(-4 * dot)));
        }
      }
    }
    return image;
  }
}
