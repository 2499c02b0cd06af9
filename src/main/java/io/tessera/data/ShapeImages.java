package io.tessera.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic single-channel images of simple shapes, an out-of-distribution set for digit models:
 * per image one outlined or filled rectangle, ellipse or triangle, or a thick line, at a random
 * place, size and brightness on a black background, in [0, 1]. Edges are anti-aliased by 4 x 4
 * supersampling. The label is the shape's index in {@link #KINDS}. One seed fixes every image.
 */
public final class ShapeImages {
  public static final List<String> KINDS = List.of("rectangle", "filled-rectangle", "ellipse", "filled-ellipse", "triangle", "line");
  private static final int SUPERSAMPLING = 4;
  private static final double STROKE = 1.0;

  private ShapeImages() {}

  public static LabeledPoints generate(int n, int side, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] images = new float[n][];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(KINDS.size());
      images[i] = draw(labels[i], side, random);
    }
    return new LabeledPoints(images, labels, null);
  }

  private static float[] draw(int kind, int side, SplittableRandom random) {
    double size = side * (0.25 + 0.45 * random.nextDouble());
    double cx = size / 2 + random.nextDouble() * (side - size);
    double cy = size / 2 + random.nextDouble() * (side - size);
    double w = size * (0.6 + 0.4 * random.nextDouble()) / 2;
    double h = size * (0.6 + 0.4 * random.nextDouble()) / 2;
    double angle = random.nextDouble() * Math.PI;
    double[][] triangle = new double[3][];
    for (int v = 0; v < 3; v++) {
      double a = angle + v * 2 * Math.PI / 3 + 0.3 * random.nextGaussian();
      triangle[v] = new double[] {cx + w * Math.cos(a), cy + h * Math.sin(a)};
    }
    double brightness = 0.6 + 0.4 * random.nextDouble();
    float[] image = new float[side * side];
    double step = 1.0 / SUPERSAMPLING;
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side; c++) {
        int hits = 0;
        for (int sr = 0; sr < SUPERSAMPLING; sr++) {
          for (int sc = 0; sc < SUPERSAMPLING; sc++) {
            double y = r + (sr + 0.5) * step;
            double x = c + (sc + 0.5) * step;
            if (inside(kind, x - cx, y - cy, w, h, angle, triangle, x, y)) {
              hits++;
            }
          }
        }
        image[r * side + c] = (float) (brightness * hits / (SUPERSAMPLING * SUPERSAMPLING));
      }
    }
    return image;
  }

  /** Whether the point (x, y), at (dx, dy) from the centre, is ink. */
  private static boolean inside(int kind, double dx, double dy, double w, double h, double angle, double[][] triangle, double x, double y) {
    return switch (KINDS.get(kind)) {
      case "rectangle" -> Math.abs(dx) <= w && Math.abs(dy) <= h && (Math.abs(dx) >= w - STROKE || Math.abs(dy) >= h - STROKE);
      case "filled-rectangle" -> Math.abs(dx) <= w && Math.abs(dy) <= h;
      case "ellipse" -> {
        double outer = (dx * dx) / (w * w) + (dy * dy) / (h * h);
        double inner = (dx * dx) / ((w - STROKE) * (w - STROKE)) + (dy * dy) / ((h - STROKE) * (h - STROKE));
        yield outer <= 1 && inner >= 1;
      }
      case "filled-ellipse" -> (dx * dx) / (w * w) + (dy * dy) / (h * h) <= 1;
      case "triangle" -> insideTriangle(triangle, x, y);
      default -> Math.abs(-Math.sin(angle) * dx + Math.cos(angle) * dy) <= STROKE && Math.abs(Math.cos(angle) * dx + Math.sin(angle) * dy) <= w;
    };
  }

  private static boolean insideTriangle(double[][] t, double x, double y) {
    double d1 = cross(t[0], t[1], x, y);
    double d2 = cross(t[1], t[2], x, y);
    double d3 = cross(t[2], t[0], x, y);
    boolean negative = d1 < 0 || d2 < 0 || d3 < 0;
    boolean positive = d1 > 0 || d2 > 0 || d3 > 0;
    return !(negative && positive);
  }

  private static double cross(double[] a, double[] b, double x, double y) {
    return (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
  }
}
