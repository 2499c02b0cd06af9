package io.tessera.math.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The slow, independent persistence: every simplex up to dimension q + 1 below the threshold,
 * sorted by (diameter, dimension, vertices), and the textbook boundary-matrix reduction by lowest
 * ones over Z/p. Homology, not cohomology; no clearing, no emergent pairs, no combinatorial indices.
 */
final class BoundaryMatrixOracle {
  private BoundaryMatrixOracle() {}

  static List<double[][]> diagrams(double[][] d, int q, double tau, int p) {
    List<int[]> simplices = new ArrayList<>();
    enumerate(d, tau, q + 1, new int[0], simplices);
    Map<String, Double> diam = new HashMap<>();
    for (int[] s : simplices) {
      diam.put(key(s), diameter(d, s));
    }
    simplices.sort(Comparator.<int[]>comparingDouble(s -> diam.get(key(s))).thenComparingInt(s -> s.length)
        .thenComparing(BoundaryMatrixOracle::key));
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < simplices.size(); i++) {
      position.put(key(simplices.get(i)), i);
    }
    List<TreeMap<Integer, Integer>> columns = new ArrayList<>();
    for (int[] s : simplices) {
      TreeMap<Integer, Integer> column = new TreeMap<>();
      for (int r = 0; s.length > 1 && r < s.length; r++) {
        int[] face = new int[s.length - 1];
        for (int a = 0, b = 0; a < s.length; a++) {
          if (a != r) {
            face[b++] = s[a];
          }
        }
        column.put(position.get(key(face)), r % 2 == 0 ? 1 : p - 1);
      }
      columns.add(column);
    }
    Map<Integer, Integer> ownerOfLow = new HashMap<>();
    boolean[] paired = new boolean[simplices.size()];
    List<List<double[]>> out = new ArrayList<>();
    for (int k = 0; k <= q; k++) {
      out.add(new ArrayList<>());
    }
    for (int j = 0; j < columns.size(); j++) {
      TreeMap<Integer, Integer> column = columns.get(j);
      while (!column.isEmpty() && ownerOfLow.containsKey(column.lastKey())) {
        TreeMap<Integer, Integer> other = columns.get(ownerOfLow.get(column.lastKey()));
        int factor = Math.floorMod(-column.lastEntry().getValue() * inverse(other.lastEntry().getValue(), p), p);
        for (Map.Entry<Integer, Integer> e : other.entrySet()) {
          int c = Math.floorMod(column.getOrDefault(e.getKey(), 0) + factor * e.getValue(), p);
          if (c == 0) {
            column.remove(e.getKey());
          } else {
            column.put(e.getKey(), c);
          }
        }
      }
      if (!column.isEmpty()) {
        int low = column.lastKey();
        ownerOfLow.put(low, j);
        paired[low] = true;
        paired[j] = true;
        int dim = simplices.get(low).length - 1;
        double birth = diam.get(key(simplices.get(low)));
        double death = diam.get(key(simplices.get(j)));
        if (dim <= q && death > birth) {
          out.get(dim).add(new double[] {birth, death});
        }
      }
    }
    for (int j = 0; j < columns.size(); j++) {
      int dim = simplices.get(j).length - 1;
      if (!paired[j] && dim <= q) {
        out.get(dim).add(new double[] {diam.get(key(simplices.get(j))), Double.POSITIVE_INFINITY});
      }
    }
    List<double[][]> diagrams = new ArrayList<>();
    for (List<double[]> intervals : out) {
      intervals.sort(Comparator.<double[]>comparingDouble(i -> i[0]).thenComparingDouble(i -> i[1]));
      diagrams.add(intervals.toArray(new double[0][]));
    }
    return diagrams;
  }

  private static void enumerate(double[][] d, double tau, int maxDim, int[] prefix, List<int[]> out) {
    int start = prefix.length == 0 ? 0 : prefix[prefix.length - 1] + 1;
    for (int v = start; v < d.length; v++) {
      int[] s = java.util.Arrays.copyOf(prefix, prefix.length + 1);
      s[prefix.length] = v;
      if (diameter(d, s) <= tau) {
        out.add(s);
        if (s.length <= maxDim) {
          enumerate(d, tau, maxDim, s, out);
        }
      }
    }
  }

  private static double diameter(double[][] d, int[] s) {
    double m = 0;
    for (int a : s) {
      for (int b : s) {
        m = Math.max(m, d[a][b]);
      }
    }
    return m;
  }

  private static String key(int[] s) {
    return java.util.Arrays.toString(s);
  }

  private static int inverse(int a, int p) {
    return java.math.BigInteger.valueOf(a).modInverse(java.math.BigInteger.valueOf(p)).intValue();
  }
}
