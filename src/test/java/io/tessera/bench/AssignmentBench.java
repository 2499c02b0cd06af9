package io.tessera.bench;

import io.tessera.math.metrics.EmpiricalW2;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Exact W2 between two seeded samples of n points in R^3 (N(0, I) against N(0.5, 1.5^2 I)), for each
 * n given: Tessera's assignment ({@link io.tessera.math.metrics.LinearAssignment}, via
 * {@link EmpiricalW2}), timed after a warm-up, with the points written to OUT_DIR/points-n.csv so
 * that bench/assignment can solve the same problems with SciPy's linear_sum_assignment (a modified
 * Jonker-Volgenant solver) in the same script. Run with bench/assignment.
 */
public final class AssignmentBench {
  private AssignmentBench() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    EmpiricalW2.of(points(new SplittableRandom(1), 300, 0, 1), points(new SplittableRandom(2), 300, 0.5, 1.5)); // warm-up
    StringBuilder results = new StringBuilder("n,w2,seconds\n");
    for (int i = 1; i < args.length; i++) {
      int n = Integer.parseInt(args[i]);
      double[][] x = points(new SplittableRandom(10L * n + 1), n, 0, 1);
      double[][] y = points(new SplittableRandom(10L * n + 2), n, 0.5, 1.5);
      StringBuilder csv = new StringBuilder();
      for (double[][] sample : new double[][][] {x, y}) {
        for (double[] p : sample) {
          csv.append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g%n", p[0], p[1], p[2]));
        }
      }
      Files.writeString(out.resolve("points-" + n + ".csv"), csv);
      long start = System.nanoTime();
      double w2 = EmpiricalW2.of(x, y);
      double seconds = (System.nanoTime() - start) / 1e9;
      results.append(String.format(Locale.ROOT, "%d,%.17g,%.6f%n", n, w2, seconds));
      System.out.printf(Locale.ROOT, "tessera  n = %5d  W2 = %.12f  %.3f s (the cost matrix included)%n", n, w2, seconds);
    }
    Files.writeString(out.resolve("tessera.csv"), results);
  }

  private static double[][] points(SplittableRandom random, int n, double mean, double sd) {
    double[][] p = new double[n][3];
    for (double[] q : p) {
      for (int k = 0; k < 3; k++) {
        q[k] = mean + sd * random.nextGaussian();
      }
    }
    return p;
  }
}
