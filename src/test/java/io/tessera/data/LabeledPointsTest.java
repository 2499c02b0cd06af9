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

  @Test
  void aQuarterTurnMovesTheTopRowToTheLeftColumnAndFourTurnsChangeNothing() {
    // 1 2 3      3 6 9
    // 4 5 6  ->  2 5 8
    // 7 8 9      1 4 7
    float[] image = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    LabeledPoints points = new LabeledPoints(new float[][] {image}, new int[] {4}, null);
    assertArrayEquals(new float[] {3, 6, 9, 2, 5, 8, 1, 4, 7}, points.rotated90().features()[0]);
    assertArrayEquals(image, points.rotated90().rotated90().rotated90().rotated90().features()[0]);
    assertArrayEquals(new int[] {4}, points.rotated90().labels());
    assertThrows(IllegalArgumentException.class, () -> new LabeledPoints(new float[][] {new float[12]}, null, null).rotated90());
  }

  @Test
  void invertingMapsXToOneMinusXAndSlicesKeepTheirLabels() {
    LabeledPoints points = new LabeledPoints(new float[][] {{0f, 0.25f, 1f}, {0.5f, 0.5f, 0.5f}, {1f, 1f, 0f}}, new int[] {1, 2, 3}, null);
    assertArrayEquals(new float[] {1f, 0.75f, 0f}, points.inverted().features()[0]);
    LabeledPoints middle = points.rows(1, 3);
    assertArrayEquals(new int[] {2, 3}, middle.labels());
    assertArrayEquals(new float[] {0f, 0f, 1f}, middle.inverted().features()[1]);
  }
}
