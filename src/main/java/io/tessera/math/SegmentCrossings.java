package io.tessera.math;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The regions of a ReLU network met by the segment x(t) = P + t(Q - P), t in [0, 1] (Liu et al.
 * Table 5; docs/methods/patterns-hamming-perturbations.md, Regions along a segment (Table 5)).
 * {@link #exact} finds every crossing from the piecewise-linear structure of the pre-activations;
 * {@link #bisection} is the paper's Algorithm 2 with the repairs of
 * docs/methods/patterns-hamming-perturbations.md, Algorithm 2 as implemented, a lower bound kept
 * for comparison with the paper's numbers.
 */
public final class SegmentCrossings {
  /**
   * Roots closer than this are one point, i.e. units switching "at the same t". A root is computed
   * to a few ulps, and t lies in [0, 1] where an ulp is at most 1.1e-16, so 1e-15 (about 9 ulps) is
   * above the rounding noise of one root yet far below any crossing separation that a forward pass
   * could resolve.
   */
  private static final double MERGE = 1e-15;
  /**
   * Algorithm 2 gives up separating two boundaries once its bracket is this narrow
   * (docs/methods/patterns-hamming-perturbations.md, Algorithm 2 as implemented): well above the
   * double spacing near 1, so midpoints keep moving, and the pattern of a point that close to a
   * boundary is already at the mercy of rounding.
   */
  private static final double BISECTION_RESOLUTION = 1e-13;

  private SegmentCrossings() {}

  /**
   * Every crossing of [P, Q], layer by layer: z_l(t) is affine between consecutive points of T
   * (the roots of earlier layers plus 0 and 1), so each unit has at most one root per interval and
   * it is found by linear interpolation. Regions are the maximal runs of intervals whose midpoint
   * patterns agree.
   */
  public static Exact exact(MlpWeights net, double[] p, double[] q) {
    checkEndpoints(net, p, q);
    int[] widths = net.hiddenWidths();
    int units = net.hiddenUnits();
    List<Node> nodes = List.of(new Node(0, new double[units]), new Node(1, new double[units]));
    int offset = 0;
    for (int l = 0; l < widths.length; l++) {
      double[][] inputs = new double[nodes.size()][];
      for (int k = 0; k < inputs.length; k++) {
        Node node = nodes.get(k);
        inputs[k] = l == 0 ? point(p, q, node.t) : relu(node.z, offset - widths[l - 1], widths[l - 1]);
      }
      evaluateLayer(net, l, inputs, nodes, offset);
      nodes = withRoots(nodes, offset, widths[l]);
      offset += widths[l];
    }
    return regions(nodes, units);
  }

  /**
   * Algorithm 2: from the last point found, bisect towards Q for the nearest point whose pattern
   * differs in one bit; stop once Q is within one bit. When the bracket shrinks below
   * {@link #BISECTION_RESOLUTION} several units switch there at once: that is a multi-bit event,
   * and the search steps to the bracket's far end, the probe known to be past the boundary (keeping
   * the last midpoint instead, which may not be, would find the same event again).
   */
  public static Bisection bisection(MlpWeights net, double[] p, double[] q) {
    checkEndpoints(net, p, q);
    long[] target = net.pattern(q);
    long[] left = net.pattern(p);
    int endpointHamming = BitPatterns.hamming(left, target);
    List<Double> deltas = new ArrayList<>();
    int multiBitEvents = 0;
    double a = 0;
    while (BitPatterns.hamming(left, target) > 1) {
      double lo = a;
      double hi = 1;
      long[] hiPattern = target;
      double t;
      long[] probe;
      while (true) {
        t = 0.5 * (lo + hi);
        probe = net.pattern(point(p, q, t));
        int d1 = BitPatterns.hamming(left, probe);
        if (d1 == 1) {
          break;
        }
        if (d1 > 1) {
          hi = t;
          hiPattern = probe;
        } else {
          lo = t;
          left = probe;
        }
        if (hi - lo < BISECTION_RESOLUTION) {
          multiBitEvents++;
          t = hi;
          probe = hiPattern;
          break;
        }
      }
      deltas.add(t);
      a = t;
      left = probe;
    }
    double[] found = deltas.stream().mapToDouble(Double::doubleValue).toArray();
    return new Bisection(found, multiBitEvents, endpointHamming, BitPatterns.hamming(left, target));
  }

  /**
   * The exact path. {@code crossings[i]} separates {@code regionPatterns[i]} from
   * {@code regionPatterns[i + 1]}, which differ in exactly {@code flippedBits[i]} (global unit
   * indices, layer-major); {@code interiorPoints[i]} is a t strictly inside region i (the midpoint
   * of its longest piece). Patterns are packed over all hidden units (Liu et al. eq. 4).
   */
  public record Exact(double[] crossings, long[][] regionPatterns, int[][] flippedBits, double[] interiorPoints,
      int multiBitCrossings, int endpointHamming) {
    /** Regions of positive length that [P, Q] meets: crossings + 1, at least endpointHamming + 1. */
    public int regions() {
      return regionPatterns.length;
    }
  }

  /**
   * Algorithm 2's points 0 < delta_1 < ... < delta_n (delta_n can be 1 only after a multi-bit event
   * within the resolution of Q). {@code finalHamming} is d_H between the pattern at delta_n (P when
   * n = 0) and Q's: at most 1 when the search stops.
   */
  public record Bisection(double[] deltas, int multiBitEvents, int endpointHamming, int finalHamming) {
    /**
     * Regions counted by Algorithm 2: each delta starts one, the last step to Q adds one more when it
     * crosses a boundary. That is the paper's n + 2 whenever d_H(P, Q) > 1 and the last step flipped
     * one bit (always, absent multi-bit events), and 1 + d_H(P, Q) when d_H(P, Q) <= 1. A lower
     * bound on {@link Exact#regions()}: a step that flips one bit net can hide a unit that switched
     * off and on again.
     */
    public int regions() {
      return 1 + deltas.length + finalHamming;
    }
  }

  /** A point of T with the pre-activations of every layer handled so far (all units, layer-major). */
  private record Node(double t, double[] z) {}

  /**
   * z_l = W_l h + b_l at every node, from the nodes' inputs. Four nodes share each pass over W_l:
   * four independent sums hide the latency of each addition, which one dot product at a time waits
   * on. A short last block repeats its last node. Each sum adds its terms in the order of
   * {@link MlpWeights#evaluate}, so patterns agree with it bit for bit.
   */
  private static void evaluateLayer(MlpWeights net, int l, double[][] inputs, List<Node> nodes, int offset) {
    double[][] w = net.weight(l);
    double[] b = net.bias(l);
    int n = inputs.length;
    for (int k = 0; k < n; k += 4) {
      double[] h0 = inputs[k];
      double[] h1 = inputs[Math.min(k + 1, n - 1)];
      double[] h2 = inputs[Math.min(k + 2, n - 1)];
      double[] h3 = inputs[Math.min(k + 3, n - 1)];
      for (int r = 0; r < w.length; r++) {
        double[] row = w[r];
        double s0 = b[r];
        double s1 = s0;
        double s2 = s0;
        double s3 = s0;
        for (int c = 0; c < row.length; c++) {
          double weight = row[c];
          s0 += weight * h0[c];
          s1 += weight * h1[c];
          s2 += weight * h2[c];
          s3 += weight * h3[c];
        }
        double[] sums = {s0, s1, s2, s3};
        for (int j = 0; j < 4 && k + j < n; j++) {
          nodes.get(k + j).z[offset + r] = sums[j];
        }
      }
    }
  }

  /**
   * Inserts, between consecutive nodes, the roots of the layer at [offset, offset + width). A new
   * node's pre-activations, this layer's included, are interpolated: every layer up to this one is
   * affine between the two nodes, so the interpolation is exact, and it costs far less than a
   * forward pass.
   */
  private static List<Node> withRoots(List<Node> nodes, int offset, int width) {
    List<Node> out = new ArrayList<>(nodes.size() * 2);
    double[] fractions = new double[width];
    int known = offset + width;
    for (int i = 0; i + 1 < nodes.size(); i++) {
      Node a = nodes.get(i);
      Node b = nodes.get(i + 1);
      out.add(a);
      int roots = 0;
      for (int j = offset; j < known; j++) {
        double za = a.z[j];
        double zb = b.z[j];
        if ((za > 0) != (zb > 0)) {
          fractions[roots++] = za / (za - zb);
        }
      }
      Arrays.sort(fractions, 0, roots);
      double last = a.t;
      for (int r = 0; r < roots; r++) {
        double t = a.t + (b.t - a.t) * fractions[r];
        if (t - last > MERGE && b.t - t > MERGE) {
          out.add(new Node(t, interpolate(a.z, b.z, fractions[r], known)));
          last = t;
        }
      }
    }
    out.add(nodes.get(nodes.size() - 1));
    return out;
  }

  private static Exact regions(List<Node> nodes, int units) {
    List<Double> crossings = new ArrayList<>();
    List<long[]> patterns = new ArrayList<>();
    List<int[]> flipped = new ArrayList<>();
    List<Double> interior = new ArrayList<>();
    double longest = -1;
    int multiBit = 0;
    double[] sum = new double[units];
    for (int i = 0; i + 1 < nodes.size(); i++) {
      Node a = nodes.get(i);
      Node b = nodes.get(i + 1);
      // Every unit is affine on [a, b], so the sign at the midpoint is the sign of z(a) + z(b).
      for (int k = 0; k < units; k++) {
        sum[k] = a.z[k] + b.z[k];
      }
      long[] pattern = BitPatterns.packPositive(sum, 0, units);
      if (patterns.isEmpty() || !Arrays.equals(pattern, patterns.get(patterns.size() - 1))) {
        if (!patterns.isEmpty()) {
          int[] bits = BitPatterns.differingBits(patterns.get(patterns.size() - 1), pattern);
          multiBit += bits.length > 1 ? 1 : 0;
          crossings.add(a.t);
          flipped.add(bits);
        }
        patterns.add(pattern);
        interior.add(0.0);
        longest = -1;
      }
      if (b.t - a.t > longest) {
        longest = b.t - a.t;
        interior.set(interior.size() - 1, 0.5 * (a.t + b.t));
      }
    }
    long[] first = BitPatterns.packPositive(nodes.get(0).z, 0, units);
    long[] last = BitPatterns.packPositive(nodes.get(nodes.size() - 1).z, 0, units);
    return new Exact(crossings.stream().mapToDouble(Double::doubleValue).toArray(), patterns.toArray(long[][]::new),
        flipped.toArray(int[][]::new), interior.stream().mapToDouble(Double::doubleValue).toArray(), multiBit,
        BitPatterns.hamming(first, last));
  }

  private static double[] interpolate(double[] za, double[] zb, double fraction, int count) {
    double[] z = new double[za.length];
    for (int k = 0; k < count; k++) {
      z[k] = za[k] + fraction * (zb[k] - za[k]);
    }
    return z;
  }

  private static double[] relu(double[] z, int offset, int width) {
    double[] h = new double[width];
    for (int k = 0; k < width; k++) {
      h[k] = Math.max(z[offset + k], 0.0);
    }
    return h;
  }

  /** (1 - t)P + tQ: equal to P + t(Q - P), and exactly P at t = 0 and exactly Q at t = 1. */
  private static double[] point(double[] p, double[] q, double t) {
    double[] x = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      x[i] = (1 - t) * p[i] + t * q[i];
    }
    return x;
  }

  private static void checkEndpoints(MlpWeights net, double[] p, double[] q) {
    if (p.length != net.inputDim() || q.length != net.inputDim()) {
      throw new IllegalArgumentException("endpoints have " + p.length + " and " + q.length + " values, network expects " + net.inputDim());
    }
  }
}
