package io.tessera.math;

/**
 * Activation patterns as packed bit vectors: bit k of a layer is word k/64, bit k%64. The layout
 * (layer-major, neurons in row order) follows the digest's eq. 4 convention.
 */
public final class BitPatterns {
  private BitPatterns() {}

  public static int wordsFor(int bits) {
    return (bits + 63) >>> 6;
  }

  /** Packs {@code width} pre-activations starting at {@code offset}: bit 1 iff z > 0 (a tie at 0 is off). */
  public static long[] packPositive(float[] z, int offset, int width) {
    long[] words = new long[wordsFor(width)];
    for (int k = 0; k < width; k++) {
      if (z[offset + k] > 0f) {
        words[k >>> 6] |= 1L << (k & 63);
      }
    }
    return words;
  }

  /** Same as {@link #packPositive(float[], int, int)} for a 0/1 byte mask, as the engine returns it. */
  public static long[] packMask(byte[] mask, int offset, int width) {
    long[] words = new long[wordsFor(width)];
    for (int k = 0; k < width; k++) {
      if (mask[offset + k] != 0) {
        words[k >>> 6] |= 1L << (k & 63);
      }
    }
    return words;
  }

  public static boolean get(long[] words, int k) {
    return (words[k >>> 6] & (1L << (k & 63))) != 0;
  }

  public static int popcount(long[] words) {
    int n = 0;
    for (long w : words) {
      n += Long.bitCount(w);
    }
    return n;
  }

  public static int hamming(long[] a, long[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("patterns of different lengths: " + a.length + " vs " + b.length + " words");
    }
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      n += Long.bitCount(a[i] ^ b[i]);
    }
    return n;
  }

  /**
   * A 64-bit hash of a whole pattern (all layers, in order). Each layer's width is mixed in so that
   * patterns of different architectures cannot collide by zero padding. SplitMix64 finalisers give
   * a well-spread, platform-independent value that stays stable across releases.
   */
  public static long hash(long[][] layers, int[] widths) {
    long h = 0x9E3779B97F4A7C15L;
    for (int l = 0; l < layers.length; l++) {
      h = mix(h ^ widths[l]);
      for (long w : layers[l]) {
        h = mix(h ^ w);
      }
    }
    return h;
  }

  static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
