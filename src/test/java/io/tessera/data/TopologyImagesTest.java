package io.tessera.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.math.topology.Landmarks;
import io.tessera.math.topology.RipsPersistence;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopologyImagesTest {
  @Test
  void theEllipseCoversItsAreaAndOnlyItsOwnSymmetryRepeatsAnImage() {
    float[] image = TopologyImages.ellipse(0.3, 1.1);
    double mass = 0;
    for (float v : image) {
      assertTrue(v >= 0 && v <= 1);
      mass += v;
    }
    // pi * 12 * 6 canvas pixels, a quarter of that after the 2 x 2 average, up to the pixel grid.
    assertEquals(Math.PI * 12 * 6 / 4, mass, 2.0);
    assertArrayEquals(TopologyImages.ellipse(0.3, 1.1 + Math.PI), image, 1e-6f, "phi and phi + pi draw the same ellipse");
    assertTrue(distance(TopologyImages.ellipse(0.3, 1.1), TopologyImages.ellipse(0.3 + Math.PI, 1.1)) > 10, "theta moves it");
    assertTrue(distance(TopologyImages.ellipse(0.3, 1.1), TopologyImages.ellipse(0.3, 1.1 + Math.PI / 2)) > 3, "phi turns it");
  }

  @Test
  void oppositeLightsAreComplementsInsideTheDisk() {
    double[] u = {0.48, -0.6, 0.64};
    float[] lit = TopologyImages.jar(u);
    float[] opposite = TopologyImages.jar(new double[] {-u[0], -u[1], -u[2]});
    int inside = 0;
    for (int k = 0; k < lit.length; k++) {
      if (lit[k] > 0) {
        inside++;
        assertEquals(1, lit[k] + opposite[k], 1e-6, "sigmoid(a) + sigmoid(-a) = 1 at pixel " + k);
      } else {
        assertEquals(0, opposite[k]);
      }
    }
    // Pixel centres within 14 px of the centre: close to pi 14^2.
    assertEquals(Math.PI * 14 * 14, inside, 20);
  }

  @Test
  void theEllipseImagesCarryTheCentresLoop() {
    // 120 max-min landmarks of 1,500 images in R^1024. Moving the centre round its circle is a loop of
    // image-space diameter about 10; turning the ellipse is one of about 3.4 (a crossed pair differs
    // in ~185 canvas pixels), finer than these landmarks' covering radius (about 4), so only the
    // first loop stands out here (docs/methods/persistence.md, Image manifolds).
    double[][] points = doubles(SyntheticDatasets.generate(SyntheticDatasets.Kind.ELLIPSE_TORUS, 1500, 4, 0).features());
    double[][] h1 = RipsPersistence.of(Landmarks.maxMin(points, 120, 4).of(points), 1, 2).dimension(1);
    double[] persistence = java.util.Arrays.stream(h1).mapToDouble(i -> i[1] - i[0]).sorted().toArray();
    double longest = persistence[persistence.length - 1];
    assertTrue(longest > 4, "the centre's loop lives from about 5 to about 10: " + longest);
    assertTrue(longest > 3 * persistence[persistence.length - 2], "and no other H1 class comes close");
  }

  @Test
  void theJarImagesEncloseOneVoid() {
    // 120 landmarks of 2,000 lit disks: one H2 class lives from about 5 to about 14, the sphere of
    // lighting directions, and every H1 class dies within a few units of its birth.
    double[][] points = doubles(SyntheticDatasets.generate(SyntheticDatasets.Kind.JAR, 2000, 4, 0).features());
    var diagram = RipsPersistence.of(Landmarks.maxMin(points, 120, 4).of(points), 2, 2);
    assertEquals(1, diagram.dimension(2).length, java.util.Arrays.deepToString(diagram.dimension(2)));
    assertTrue(diagram.dimension(2)[0][1] - diagram.dimension(2)[0][0] > 5, "the void is long-lived");
    for (double[] loop : diagram.dimension(1)) {
      assertTrue(loop[1] - loop[0] < 0.5 * (diagram.dimension(2)[0][1] - diagram.dimension(2)[0][0]), "no loop rivals it");
    }
  }

  private static double[][] doubles(float[][] images) {
    double[][] points = new double[images.length][];
    for (int i = 0; i < images.length; i++) {
      points[i] = new double[images[i].length];
      for (int k = 0; k < images[i].length; k++) {
        points[i][k] = images[i][k];
      }
    }
    return points;
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += (a[k] - b[k]) * (a[k] - b[k]);
    }
    return Math.sqrt(s);
  }
}
