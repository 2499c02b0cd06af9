package io.tessera.math.diffusion;

/**
 * LMD's distances between an image and its inpainted copy
 * (docs/methods/diffusion-likelihood-and-lmd.md, Tessera's implementation: LMD), on side x side
 * single-channel images in [0, 1]: MSE, and 1 - SSIM with single-scale SSIM (11 x 11 Gaussian
 * window, sigma 1.5, K1 = 0.01, K2 = 0.03, range 1) averaged over the valid window positions.
 * LPIPS, the paper's default, needs ImageNet-pretrained weights that cannot be fetched here.
 */
public final class ImageDistances {
  private static final int WINDOW = 11;
  private static final double[] WEIGHTS = gaussian(WINDOW, 1.5);
  private static final double C1 = 0.01 * 0.01;
  private static final double C2 = 0.03 * 0.03;

  private ImageDistances() {}

  public static double mse(double[] a, double[] b, int offset, int length) {
    double sum = 0;
    for (int k = 0; k < length; k++) {
      double d = a[offset + k] - b[offset + k];
      sum += d * d;
    }
    return sum / length;
  }

  /**
   * Squared Euclidean distance between row {@code rowA} of a and row {@code rowB} of b (rows of
   * {@code length} features) after scaling each to unit length, as LPIPS does per layer: 0 for
   * parallel features, 4 for opposite ones; a zero row counts as the zero vector.
   */
  public static double unitFeatureDistance(double[] a, int rowA, double[] b, int rowB, int length) {
    double normA = norm(a, rowA * length, length);
    double normB = norm(b, rowB * length, length);
    double sum = 0;
    for (int k = 0; k < length; k++) {
      double d = (normA == 0 ? 0 : a[rowA * length + k] / normA) - (normB == 0 ? 0 : b[rowB * length + k] / normB);
      sum += d * d;
    }
    return sum;
  }

  private static double norm(double[] v, int offset, int length) {
    double sum = 0;
    for (int k = 0; k < length; k++) {
      sum += v[offset + k] * v[offset + k];
    }
    return Math.sqrt(sum);
  }

  /** 1 - SSIM of the images at {@code offset} in a and b. */
  public static double ssimDistance(double[] a, double[] b, int offset, int side) {
    if (side < WINDOW) {
      throw new IllegalArgumentException("SSIM's " + WINDOW + "x" + WINDOW + " window needs images of at least that side, got " + side);
    }
    // Separable Gaussian filtering of x, y, x^2, y^2 and xy, then SSIM at every valid position.
    int valid = side - WINDOW + 1;
    double[][] maps = new double[5][side * side];
    for (int k = 0; k < side * side; k++) {
      double x = a[offset + k];
      double y = b[offset + k];
      maps[0][k] = x;
      maps[1][k] = y;
      maps[2][k] = x * x;
      maps[3][k] = y * y;
      maps[4][k] = x * y;
    }
    double[][] filtered = new double[5][];
    for (int m = 0; m < 5; m++) {
      filtered[m] = filter(maps[m], side, valid);
    }
    double sum = 0;
    for (int k = 0; k < valid * valid; k++) {
      double mx = filtered[0][k];
      double my = filtered[1][k];
      double vx = filtered[2][k] - mx * mx;
      double vy = filtered[3][k] - my * my;
      double cxy = filtered[4][k] - mx * my;
      sum += (2 * mx * my + C1) * (2 * cxy + C2) / ((mx * mx + my * my + C1) * (vx + vy + C2));
    }
    return 1 - sum / (valid * valid);
  }

  private static double[] filter(double[] image, int side, int valid) {
    double[] rows = new double[side * valid];
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < valid; c++) {
        double s = 0;
        for (int w = 0; w < WINDOW; w++) {
          s += WEIGHTS[w] * image[r * side + c + w];
        }
        rows[r * valid + c] = s;
      }
    }
    double[] out = new double[valid * valid];
    for (int r = 0; r < valid; r++) {
      for (int c = 0; c < valid; c++) {
        double s = 0;
        for (int w = 0; w < WINDOW; w++) {
          s += WEIGHTS[w] * rows[(r + w) * valid + c];
        }
        out[r * valid + c] = s;
      }
    }
    return out;
  }

  /** Normalised 1-D Gaussian weights; the 2-D window is their outer product. */
  static double[] gaussian(int size, double sigma) {
    double[] w = new double[size];
    double total = 0;
    for (int i = 0; i < size; i++) {
      double d = i - (size - 1) / 2.0;
      w[i] = Math.exp(-d * d / (2 * sigma * sigma));
      total += w[i];
    }
    for (int i = 0; i < size; i++) {
      w[i] /= total;
    }
    return w;
  }
}
