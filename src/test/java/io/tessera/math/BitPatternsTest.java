package io.tessera.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BitPatternsTest {
  @Test
  void packsBitKIntoWordKDiv64WithZeroCountingAsOff() {
    float[] z = new float[130];
    z[0] = 1f;
    z[63] = 0.5f;
    z[64] = 2f;
    z[129] = 1e-30f;
    z[5] = 0f; // a tie at exactly zero is off
    z[6] = -0f;
    z[7] = -3f;
    long[] words = BitPatterns.packPositive(z, 0, 130);
    assertEquals(3, words.length);
    assertEquals(1L | (1L << 63), words[0]);
    assertEquals(1L, words[1]);
    assertEquals(1L << 1, words[2]);
    assertEquals(4, BitPatterns.popcount(words));
    assertTrue(BitPatterns.get(words, 129));
    assertFalse(BitPatterns.get(words, 5));
  }

  @Test
  void branchFreePackingAgreesWithTheComparisonOnRandomAndSpecialValues() {
    Random random = new Random(3);
    float[] special = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE,
        Float.MAX_VALUE, -Float.MAX_VALUE, Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0xffc00000)};
    for (int trial = 0; trial < 200; trial++) {
      int width = 1 + random.nextInt(300);
      int offset = random.nextInt(10);
      float[] z = new float[offset + width];
      for (int k = 0; k < z.length; k++) {
        z[k] = random.nextInt(4) == 0 ? special[random.nextInt(special.length)] : (float) random.nextGaussian();
      }
      long[] words = BitPatterns.packPositive(z, offset, width);
      for (int k = 0; k < width; k++) {
        assertEquals(z[offset + k] > 0f, BitPatterns.get(words, k), "value " + z[offset + k]);
      }
      for (int k = width; k < 64 * words.length; k++) {
        assertFalse(BitPatterns.get(words, k), "padding bits stay 0");
      }
    }
  }

  @Test
  void doublePackingFollowsTheFloatSemantics() {
    double[] z = {5, 1e-300, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, -1e-300, Double.NEGATIVE_INFINITY};
    long[] words = BitPatterns.packPositive(z, 1, 7);
    // 1e-300 is on although it rounds to 0f; 0, -0, NaN and negatives are off; +Inf is on.
    assertArrayEquals(new long[] {(1L << 0) | (1L << 4)}, words);
    Random random = new Random(6);
    double[] wide = random.doubles(200, -1, 1).toArray();
    long[] packed = BitPatterns.packPositive(wide, 0, 200);
    for (int k = 0; k < 200; k++) {
      assertEquals(wide[k] > 0, BitPatterns.get(packed, k));
    }
  }

  @Test
  void differingBitsListsTheXorInOrder() {
    long[] a = {0b1011L, 1L << 63, 0};
    long[] b = {0b0010L, 0, 1L << 5};
    assertArrayEquals(new int[] {0, 3, 127, 133}, BitPatterns.differingBits(a, b));
    assertArrayEquals(new int[0], BitPatterns.differingBits(a, a));
  }

  @Test
  void byteMaskPackingAgreesWithBitByBitPacking() {
    Random random = new Random(4);
    for (int trial = 0; trial < 300; trial++) {
      int width = 1 + random.nextInt(200);
      int offset = random.nextInt(17);
      byte[] mask = new byte[offset + width + random.nextInt(9)];
      for (int k = 0; k < mask.length; k++) {
        mask[k] = (byte) random.nextInt(2);
      }
      long[] words = BitPatterns.packMask(java.nio.ByteBuffer.wrap(mask), offset, width);
      assertEquals(BitPatterns.wordsFor(width), words.length);
      for (int k = 0; k < 64 * words.length; k++) {
        assertEquals(k < width && mask[offset + k] == 1, BitPatterns.get(words, k), "width " + width + " bit " + k);
      }
    }
  }

  @Test
  void hammingIsPopcountOfXorAndSymmetric() {
    Random random = new Random(5);
    for (int trial = 0; trial < 20; trial++) {
      long[] a = {random.nextLong(), random.nextLong()};
      long[] b = {random.nextLong(), random.nextLong()};
      int slow = 0;
      for (int k = 0; k < 128; k++) {
        slow += BitPatterns.get(a, k) != BitPatterns.get(b, k) ? 1 : 0;
      }
      assertEquals(slow, BitPatterns.hamming(a, b));
      assertEquals(BitPatterns.hamming(b, a), BitPatterns.hamming(a, b));
      assertEquals(0, BitPatterns.hamming(a, a));
    }
    assertThrows(IllegalArgumentException.class, () -> BitPatterns.hamming(new long[1], new long[2]));
  }

  @Test
  void hashSeparatesLayouts() {
    long[][] one = {{0b101L}};
    int[] w3 = {3};
    assertNotEquals(BitPatterns.hash(one, w3), BitPatterns.hash(new long[][] {{0b100L}}, w3));
    // Same bits, different architecture: zero padding must not collide.
    assertNotEquals(BitPatterns.hash(new long[][] {{0b101L}, {0L}}, new int[] {3, 2}), BitPatterns.hash(one, w3));
    assertNotEquals(BitPatterns.hash(one, new int[] {4}), BitPatterns.hash(one, w3));
  }

  @Test
  void hashIsStableAcrossReleases() {
    // Golden values: pattern_hash is stored in tables, so changing the function breaks joins with old runs.
    assertEquals(9171199645645008479L, BitPatterns.hash(new long[][] {{0L}}, new int[] {1}));
    assertEquals(-321657034221961012L, BitPatterns.hash(new long[][] {{0x5L}, {0x3L}}, new int[] {10, 10}));
  }
}
