package io.tessera.math;

import java.io.Serializable;
import java.util.Arrays;

/** A pattern's words as a hash-set key (by content), serializable so that sets of them broadcast. */
public record PatternKey(long[] words) implements Serializable {
  @Override
  public boolean equals(Object o) {
    return o instanceof PatternKey other && Arrays.equals(words, other.words);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(words);
  }

  @Override
  public String toString() {
    return Arrays.toString(words);
  }
}
