package io.tessera.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Shape images: one seed, the same images; every image has ink and black background; every kind appears; a filled shape holds more ink than its outline. */
class ShapeImagesTest {
  @Test
  void seededInRangeAndVaried() {
    LabeledPoints a = ShapeImages.generate(300, 28, 5);
    LabeledPoints b = ShapeImages.generate(300, 28, 5);
    int[] perKind = new int[ShapeImages.KINDS.size()];
    double[] inkPerKind = new double[ShapeImages.KINDS.size()];
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.features()[i], b.features()[i]);
      double ink = 0;
      int black = 0;
      for (float v : a.features()[i]) {
        assertTrue(v >= 0 && v <= 1, "pixel " + v);
        ink += v;
        black += v == 0 ? 1 : 0;
      }
      assertTrue(ink > 3, "image " + i + " has ink " + ink);
      assertTrue(black > 28 * 28 / 3, "image " + i + " has a background: " + black + " black pixels");
      perKind[a.labels()[i]]++;
      inkPerKind[a.labels()[i]] += ink;
    }
    for (int k = 0; k < perKind.length; k++) {
      assertTrue(perKind[k] > 20, ShapeImages.KINDS.get(k) + " drawn " + perKind[k] + " times");
    }
    assertTrue(inkPerKind[1] / perKind[1] > 1.5 * inkPerKind[0] / perKind[0], "filled rectangles against outlines");
    assertTrue(inkPerKind[3] / perKind[3] > 1.5 * inkPerKind[2] / perKind[2], "filled ellipses against outlines");
    assertEquals(300, ShapeImages.generate(300, 28, 6).size());
  }
}
