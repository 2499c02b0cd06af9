package io.tessera.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tessera.TesseraException;
import org.junit.jupiter.api.Test;

/** The unseen shapes sit where the roll is and are as large, so that only their shape differs. */
class TuShapesTest {
  @Test
  void unseenShapesShareTheRollsCentroidAndScale() {
    double[] roll = TuShapes.rollCentroidAndRadius();
    // The noisy points spread a little more: E|x - c|^2 gains 2 x 0.1^2 from N(0, 0.1^2 I).
    double expected = Math.sqrt(roll[2] * roll[2] + 2 * 0.01);
    for (String shape : new String[] {"circle", "moons", "s-curve"}) {
      LabeledPoints points = TuShapes.generate(shape, 20_000, 3);
      double cx = 0;
      double cy = 0;
      for (float[] p : points.features()) {
        cx += p[0] / points.size();
        cy += p[1] / points.size();
      }
      double squares = 0;
      for (float[] p : points.features()) {
        squares += ((p[0] - cx) * (p[0] - cx) + (p[1] - cy) * (p[1] - cy)) / points.size();
      }
      assertEquals(roll[0], cx, 0.01, shape + " centroid x");
      assertEquals(roll[1], cy, 0.01, shape + " centroid y");
      assertEquals(expected, Math.sqrt(squares), 0.01 * expected, shape + " RMS radius");
    }
    assertArrayEquals(TuShapes.generate("moons", 10, 4).features()[7], TuShapes.generate("moons", 10, 4).features()[7], "seeded");
    assertThrows(TesseraException.class, () -> TuShapes.generate("torus", 10, 1));
  }
}
