package io.tessera.math;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Activation patterns as packed bit vectors: bit k of a layer is word k/64, bit k%64. The layout
 * (layer-major, neurons in row order) follows Liu et al.'s eq. 4
 * (docs/methods/patterns-hamming-perturbations.md, Patterns (eqs. 3–4)).
 */
public final class BitPatterns {
  private static final long GATHER = 0x0102040810204080L;

  private BitPatterns() {}

  public static int wordsFor(int bits) {
    return (bits + 63) >>> 6;
  }

  /**
   * Packs {@code width} pre-activations starting at {@code offset}: bit 1 iff z > 0 (a tie at 0,
   * -0 and NaN are off). Branch-free on the float's bits, because signs of pre-activations are
   * unpredictable and a mispredicted branch per unit costs more than the rest of the packing.
   */
  public static long[] packPositive(float[] z, int offset, int width) {
    long[] words = new long[wordsFor(width)];
    for (int w = 0; w < words.length; w++) {
      int base = offset + (w << 6);
      int count = Math.min(64, width - (w << 6));
      long word = 0;
      for (int b = 0; b < count; b++) {
        long bits = Float.floatToRawIntBits(z[base + b]);
        // 1 iff 0 < bits <= bits(+Inf), i.e. a positive, non-NaN float; bits is sign-extended.
        long positive = (-bits >>> 63) & ((bits - 0x7f800001L) >>> 63);
        word |= positive << b;
      }
      words[w] = word;
    }
    return words;
  }

  /** The float64 counterpart of {@link #packPositive(float[], int, int)}: bit 1 iff z > 0 (0, -0 and NaN are off). */
  public static long[] packPositive(double[] z, int offset, int width) {
    long[] words = new long[wordsFor(width)];
    for (int k = 0; k < width; k++) {
      if (z[offset + k] > 0) {
        words[k >>> 6] |= 1L << (k & 63);
      }
    }
    return words;
  }

  /**
   * Packs a 0/1 byte mask (one byte per unit, as the engine returns a boolean tensor), read from
   * a buffer that may be the engine's own memory (no copy into the JVM); its byte order is
   * ignored. Eight bytes are read as one little-endian long; multiplying by {@link #GATHER} moves
   * byte i's low bit to bit 56 + i without carries, so one multiply packs eight units.
   */
  public static long[] packMask(ByteBuffer mask, int offset, int width) {
    ByteBuffer bytes = mask.order() == ByteOrder.LITTLE_ENDIAN ? mask : mask.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    long[] words = new long[wordsFor(width)];
    int full = width >>> 3;
    for (int g = 0; g < full; g++) {
      long eight = bytes.getLong(offset + (g << 3));
      words[g >>> 3] |= ((eight * GATHER) >>> 56) << ((g & 7) << 3);
    }
    for (int k = full << 3; k < width; k++) {
      words[k >>> 6] |= (long) (bytes.get(offset + k) & 1) << (k & 63);
    }
    return words;
  }

  public static boolean get(long[] words, int k) {
    return (words[k >>> 6] & (1L << (k & 63))) != 0;
  }

  /**
   * The first {@code width} bits as '0' and '1' characters, bit k at position k (unit order: bit
   * (k % 64) of word k / 64, as the tables pack them); a negative width means every bit of the words.
   */
  public static String toBitString(long[] words, int width) {
    int n = width < 0 ? 64 * words.length : width;
    if (n > 64 * words.length) {
      throw new IllegalArgumentException("width " + n + " is more than the " + 64 * words.length + " bits of " + words.length + " words");
    }
    StringBuilder out = new StringBuilder(n);
    for (int k = 0; k < n; k++) {
      out.append(get(words, k) ? '1' : '0');
    }
    return out.toString();
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

  /** Hamming distance of two whole patterns, layer by layer. */
  public static int hamming(long[][] a, long[][] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("patterns of different depths: " + a.length + " vs " + b.length + " layers");
    }
    int n = 0;
    for (int l = 0; l < a.length; l++) {
      n += hamming(a[l], b[l]);
    }
    return n;
  }

  /** Indices of the bits where a and b differ, ascending. */
  public static int[] differingBits(long[] a, long[] b) {
    int[] bits = new int[hamming(a, b)];
    int n = 0;
    for (int w = 0; w < a.length; w++) {
      for (long x = a[w] ^ b[w]; x != 0; x &= x - 1) {
        bits[n++] = (w << 6) + Long.numberOfTrailingZeros(x);
      }
    }
    return bits;
  }

  /** A layer-major pattern over all hidden units (Liu et al. eq. 4) cut into one word array per layer. */
  public static long[][] layers(long[] pattern, int[] widths) {
    long[][] out = new long[widths.length][];
    int offset = 0;
    for (int l = 0; l < widths.length; l++) {
      out[l] = new long[wordsFor(widths[l])];
      for (int k = 0; k < widths[l]; k++) {
        if (get(pattern, offset + k)) {
          out[l][k >>> 6] |= 1L << (k & 63);
        }
      }
      offset += widths[l];
    }
    return out;
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

  /** SplitMix64 finaliser: a bijective, well-mixing map of 64-bit values. */
  public static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
