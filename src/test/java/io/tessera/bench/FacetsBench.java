package io.tessera.bench;

import io.tessera.TestModels;
import io.tessera.math.MlpWeights;
import io.tessera.math.polytope.ClarksonFacets;
import io.tessera.math.polytope.Facets;
import io.tessera.math.polytope.Polytope;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Facets of one region: Clarkson (production) against the per-row LP reference, on the region of
 * a random input of a random ReLU MLP. The full reference takes one LP over all rows per row; on
 * MNIST-sized networks that is too slow to run whole, so with a sample size it is timed on that
 * many seeded rows and extrapolated linearly (labelled so), and the sampled rows' verdicts are
 * checked against Clarkson's. Run with bench/facets [widths, default 784,340,340,340,340,340] [rows].
 */
public final class FacetsBench {
  private FacetsBench() {}

  public static void main(String[] args) {
    int[] widths = Arrays.stream((args.length > 0 ? args[0] : "784,340,340,340,340,340").split(",")).mapToInt(Integer::parseInt).toArray();
    int sample = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int[] network = Arrays.copyOf(widths, widths.length + 1);
    network[widths.length] = 10;
    MlpWeights net = TestModels.random(5, network);
    double[] x = new Random(6).doubles(widths[0], -1, 1).toArray();
    Polytope p = Polytope.of(net, net.pattern(x));
    System.out.printf(Locale.ROOT, "facets of one region, MLP %s (%d rows in %d dimensions)%n", Arrays.toString(network), p.rows(), p.dim());

    io.tessera.math.polytope.ChebyshevBall.of(p, null, null); // loads the native solver before timing
    long start = System.nanoTime();
    int[] clarkson = ClarksonFacets.find(p);
    double clarksonSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "Clarkson (production):        %8.2f s, %d facets%n", clarksonSeconds, clarkson.length);

    double referenceSeconds;
    String label;
    if (sample <= 0 || sample >= p.rows()) {
      start = System.nanoTime();
      int[] reference = Facets.referenceLp(p);
      referenceSeconds = (System.nanoTime() - start) / 1e9;
      label = "measured on all rows";
      if (!Arrays.equals(reference, clarkson)) {
        throw new AssertionError("the two methods disagree");
      }
    } else {
      int[] rows = new Random(7).ints(0, p.rows()).distinct().limit(sample).toArray();
      start = System.nanoTime();
      int[] active = Facets.referenceLpRows(p, rows);
      referenceSeconds = (System.nanoTime() - start) / 1e9 * p.rows() / sample;
      label = "extrapolated from " + sample + " rows";
      for (int r : rows) {
        boolean reference = Arrays.binarySearch(active, r) >= 0;
        if (reference != (Arrays.binarySearch(clarkson, r) >= 0)) {
          throw new AssertionError("the methods disagree on row " + r);
        }
      }
    }
    System.out.printf(Locale.ROOT, "per-row LP reference:         %8.2f s (%s)%n", referenceSeconds, label);
    System.out.printf(Locale.ROOT, "reference / Clarkson = %.1fx (target >= 10x); identical facet sets on every row compared%n",
        referenceSeconds / clarksonSeconds);
  }
}
