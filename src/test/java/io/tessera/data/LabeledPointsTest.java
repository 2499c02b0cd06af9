package io.tessera.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class LabeledPointsTest {
  @Test
  void averagePoolingTakesTheMeanOfEachBlock() {
    // 4x4 image with pixel value 10 r + c: the 2x2 blocks average to 10 r + c at their centres.
    float[] image = new float[16];
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        image[r * 4 + c] = 10 * r + c;
      }
    }
    int[] labels = {7};
    LabeledPoints pooled = new LabeledPoints(new float[][] {image}, labels, null).averagePooled(2);
    assertArrayEquals(new float[] {5.5f, 7.5f, 25.5f, 27.5f}, pooled.features()[0]);
    assertSame(labels, pooled.labels());
    assertArrayEquals(image, new LabeledPoints(new float[][] {image}, null, null).averagePooled(1).features()[0]);
  }

  @Test
  void refusesImagesThatDoNotTile() {
    LabeledPoints notSquare = new LabeledPoints(new float[][] {new float[12]}, null, null);
    assertThrows(IllegalArgumentException.class, () -> notSquare.averagePooled(2));
    LabeledPoints side5 = new LabeledPoints(new float[][] {new float[25]}, null, null);
    assertThrows(IllegalArgumentException.class, () -> side5.averagePooled(2));
  }
}
