package io.tessera.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.math.topology.Landmarks;
import io.tessera.math.topology.RipsPersistence;
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
    assertTrue(imageDistance(0.3, 1.1, 0.3 + Math.PI, 1.1) > 10, "theta moves it");
    assertTrue(imageDistance(0.3, 1.1, 0.3, 1.1 + Math.PI / 2) > 3, "phi turns it");
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
    // 120 max-min landmarks of 1,500 images in R^1024 (docs/methods/persistence.md, Image manifolds).
    // Half way round the centre's circle the image is about 10.2 away, and the centre's loop dies near
    // there; no turn of the ellipse moves it more than about 6.2, while loops on these landmarks
    // (covering radius about 4) are born near 5, so the turning loop cannot live long.
    double turn = 0;
    for (double delta = 0.05; delta < Math.PI; delta += 0.05) {
      turn = Math.max(turn, imageDistance(0.3, 1.1, 0.3, 1.1 + delta));
    }
    double shift = imageDistance(0.3, 1.1, 0.3 + Math.PI, 1.1);
    double[][] points = doubles(SyntheticDatasets.generate(SyntheticDatasets.Kind.ELLIPSE_TORUS, 1500, 4, 0).features());
    Landmarks landmarks = Landmarks.maxMin(points, 120, 4);
    double[][] h1 = RipsPersistence.of(landmarks.of(points), 1, 2).dimension(1);
    java.util.Arrays.sort(h1, java.util.Comparator.comparingDouble((double[] i) -> i[1] - i[0]).reversed());
    System.out.printf(java.util.Locale.ROOT, "ellipse torus: widest turn %.3f, half-way shift %.3f, covering radius %.3f, longest H1 [%.3f, %.3f),"
        + " next persistence %.3f%n", turn, shift, landmarks.coveringRadius(), h1[0][0], h1[0][1], h1[1][1] - h1[1][0]);
    assertTrue(turn > 5.5 && turn < 7, "a turn moves the image at most about 6.2: " + turn);
    assertTrue(shift > 9.5 && shift < 11, "half way round the centre's circle the two ellipses no longer overlap: " + shift);
    assertTrue(landmarks.coveringRadius() > 3.5 && landmarks.coveringRadius() < 4.5, "covering radius " + landmarks.coveringRadius());
    assertTrue(h1[0][0] > 4 && h1[0][0] < 6 && h1[0][1] > 9 && h1[0][1] < 11, "the centre's loop lives from about 5 to about 10");
    assertTrue(h1[0][1] - h1[0][0] > 3 * (h1[1][1] - h1[1][0]), "and no other H1 class comes close");
  }

  @Test
  void theJarImagesEncloseOneVoid() {
    // 120 landmarks of 2,000 lit disks: one H2 class lives from about 5 to about 14, the sphere of
    // lighting directions, and every H1 class dies within a few units of its birth.
    double[][] points = doubles(SyntheticDatasets.generate(SyntheticDatasets.Kind.JAR, 2000, 4, 0).features());
    var diagram = RipsPersistence.of(Landmarks.maxMin(points, 120, 4).of(points), 2, 2);
    assertEquals(1, diagram.dimension(2).length, java.util.Arrays.deepToString(diagram.dimension(2)));
    double[] voids = diagram.dimension(2)[0];
    System.out.printf(java.util.Locale.ROOT, "jar: H2 [%.3f, %.3f)%n", voids[0], voids[1]);
    assertTrue(voids[0] > 4 && voids[0] < 6 && voids[1] > 13 && voids[1] < 15, "the void lives from about 5 to about 14");
    for (double[] loop : diagram.dimension(1)) {
      assertTrue(loop[1] - loop[0] < 0.5 * (diagram.dimension(2)[0][1] - diagram.dimension(2)[0][0]), "no loop rivals it");
    }
  }

  private static double imageDistance(double theta1, double phi1, double theta2, double phi2) {
    return io.tessera.math.Points.distance(io.tessera.math.Precision.widen(TopologyImages.ellipse(theta1, phi1)),
        io.tessera.math.Precision.widen(TopologyImages.ellipse(theta2, phi2)));
  }

  private static double[][] doubles(float[][] images) {
    return java.util.Arrays.stream(images).map(io.tessera.math.Precision::widen).toArray(double[][]::new);
  }
}
