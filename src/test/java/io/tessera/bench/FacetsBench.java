package io.tessera.bench;

import io.tessera.TestModels;
import io.tessera.math.MlpWeights;
import io.tessera.math.polytope.FacetSearch;
import io.tessera.math.polytope.Facets;
import io.tessera.math.polytope.Polytope;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Facets of one region: the production method ({@link FacetSearch}) against the per-row LP reference, on the region of
 * a random input of a random ReLU MLP. The full reference takes one LP over all rows per row; on
 * MNIST-sized networks that is too slow to run whole, so with a sample size it is timed on that
 * many seeded rows and extrapolated linearly (labelled so), and the sampled rows' verdicts are
 * checked against the production method's. With a row range FROM-TO the reference runs on exactly those rows,
 * so a full check can be split across processes. Run with bench/facets [widths] [rows | FROM-TO].
 */
public final class FacetsBench {
  private FacetsBench() {}

  public static void main(String[] args) {
    int[] widths = Arrays.stream((args.length > 0 ? args[0] : "784,340,340,340,340,340").split(",")).mapToInt(Integer::parseInt).toArray();
    String rowsArg = args.length > 1 ? args[1] : "30";
    int[] network = Arrays.copyOf(widths, widths.length + 1);
    network[widths.length] = 10;
    MlpWeights net = TestModels.random(5, network);
    double[] x = new Random(6).doubles(widths[0], -1, 1).toArray();
    Polytope p = Polytope.of(net, net.pattern(x));
    System.out.printf(Locale.ROOT, "facets of one region, MLP %s (%d rows in %d dimensions)%n", Arrays.toString(network), p.rows(), p.dim());

    io.tessera.math.polytope.ChebyshevBall.of(p, null, null); // loads the native solver before timing
    long start = System.nanoTime();
    int[] production = FacetSearch.find(p);
    double productionSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "production (FacetSearch):     %8.2f s, %d facets%n", productionSeconds, production.length);

    String label;
    int[] rows;
    double scale = 1; // reference time per row x all rows, when it runs on a sample
    if (rowsArg.contains("-")) {
      String[] range = rowsArg.split("-");
      rows = IntStream.rangeClosed(Integer.parseInt(range[0]), Math.min(Integer.parseInt(range[1]), p.rows() - 1)).toArray();
      label = "measured on rows " + rows[0] + ".." + rows[rows.length - 1];
    } else {
      int sample = Integer.parseInt(rowsArg);
      boolean all = sample <= 0 || sample >= p.rows();
      rows = all ? IntStream.range(0, p.rows()).toArray() : new Random(7).ints(0, p.rows()).distinct().limit(sample).toArray();
      label = all ? "measured on all rows" : "extrapolated from " + sample + " rows";
      scale = p.rows() / (double) rows.length;
    }
    start = System.nanoTime();
    int[] active = Facets.referenceLpRows(p, rows);
    double referenceSeconds = (System.nanoTime() - start) / 1e9 * scale;
    int mismatches = 0;
    for (int r : rows) {
      if ((Arrays.binarySearch(active, r) >= 0) != (Arrays.binarySearch(production, r) >= 0)) {
        mismatches++;
      }
    }
    if (mismatches > 0) {
      throw new AssertionError("the methods disagree on " + mismatches + " of " + rows.length + " rows");
    }
    System.out.printf(Locale.ROOT, "reference: %d of the %d rows compared are active; the production method agrees on every one%n", active.length, rows.length);
    System.out.printf(Locale.ROOT, "per-row LP reference:         %8.2f s (%s)%n", referenceSeconds, label);
    if (!rowsArg.contains("-")) {
      System.out.printf(Locale.ROOT, "reference / production = %.1fx (target >= 10x); identical facet sets on every row compared%n",
          referenceSeconds / productionSeconds);
    }
  }
}
