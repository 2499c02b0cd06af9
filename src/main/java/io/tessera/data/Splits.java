package io.tessera.data;

import io.tessera.TesseraException;
import java.util.ArrayList;
import java.util.List;

/** Split assignment for generated data: the first (1 - testFraction) of the rows train, the rest test. */
public final class Splits {
  private Splits() {}

  public static List<String> trainTest(int n, double testFraction) {
    if (!(testFraction >= 0 && testFraction < 1)) {
      throw new TesseraException("test fraction must be in [0, 1), got " + testFraction);
    }
    int train = n - (int) Math.round(n * testFraction);
    List<String> splits = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      splits.add(i < train ? "train" : "test");
    }
    return splits;
  }

  public static List<String> constant(int n, String split) {
    return new ArrayList<>(java.util.Collections.nCopies(n, split));
  }
}
