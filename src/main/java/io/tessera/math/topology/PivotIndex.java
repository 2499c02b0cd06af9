package io.tessera.math.topology;

/**
 * Which column owns each pivot: an open-addressing map from a simplex index (>= 0) to an int,
 * without the boxing a HashMap would do for the millions of pivots an H1 reduction records.
 */
final class PivotIndex {
  private long[] keys;
  private int[] values;
  private int size;

  PivotIndex(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
    keys = new long[capacity];
    values = new int[capacity];
    java.util.Arrays.fill(keys, -1);
  }

  /** The value stored for this simplex, or -1. */
  int get(long key) {
    for (int slot = slot(key, keys.length); ; slot = (slot + 1) & (keys.length - 1)) {
      if (keys[slot] == key) {
        return values[slot];
      }
      if (keys[slot] == -1) {
        return -1;
      }
    }
  }

  void put(long key, int value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int slot = slot(key, keys.length);
    while (keys[slot] != -1 && keys[slot] != key) {
      slot = (slot + 1) & (keys.length - 1);
    }
    if (keys[slot] == -1) {
      size++;
    }
    keys[slot] = key;
    values[slot] = value;
  }

  boolean contains(long key) {
    return get(key) != -1;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[2 * oldKeys.length];
    values = new int[2 * oldKeys.length];
    java.util.Arrays.fill(keys, -1);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != -1) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int slot(long key, int capacity) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32) & (capacity - 1);
  }
}
