package io.tessera.bench;

import io.tessera.math.topology.PersistenceDiagram;
import io.tessera.math.topology.RipsPersistence;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Vietoris–Rips persistence ({@link RipsPersistence}) on seeded noisy tori in R^3: H1 on 2,000
 * points and H2 on 500, each at several thresholds and at the enclosing radius, timed after a
 * warm-up, with the peak Java heap of each run. The points and our diagrams go to OUT_DIR so that
 * bench/persistence runs GUDHI on the same problems in the same script. Run with bench/persistence.
 */
public final class PersistenceBench {
  private PersistenceBench() {}

  /** (points, dimension, threshold; +infinity = the enclosing radius, too large for GUDHI's simplex tree). */
  private static final double[][] CASES = {
      {2000, 1, 0.6}, {2000, 1, 1.0}, {2000, 1, 1.5}, {2000, 1, Double.POSITIVE_INFINITY},
      {500, 2, 1.0}, {500, 2, 1.5}, {500, 2, Double.POSITIVE_INFINITY}};

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    RipsPersistence.of(torus(new SplittableRandom(99), 400), 2, 2); // warm-up
    StringBuilder results = new StringBuilder("case,n,q,tau,seconds,peak_heap_mb\n");
    for (int c = 0; c < CASES.length; c++) {
      int n = (int) CASES[c][0];
      int q = (int) CASES[c][1];
      double[][] points = torus(new SplittableRandom(n), n);
      writePoints(out.resolve("points-" + n + ".csv"), points);
      System.gc();
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      long start = System.nanoTime();
      PersistenceDiagram diagram = RipsPersistence.of(points, q, CASES[c][2], 2);
      double seconds = (System.nanoTime() - start) / 1e9;
      double peakMb = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
          .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
      writeDiagram(out.resolve("diagram-" + c + ".csv"), diagram);
      results.append(String.format(Locale.ROOT, "%d,%d,%d,%s,%.4f,%.1f%n", c, n, q,
          Double.isInfinite(CASES[c][2]) ? "enclosing" : CASES[c][2], seconds, peakMb));
      System.out.printf(Locale.ROOT, "tessera  n = %4d  H0..H%d  tau = %-6.3f %s  %7.2f s  peak heap %6.0f MB  intervals H1 %d%s%n",
          n, q, diagram.threshold(), Double.isInfinite(CASES[c][2]) ? "(enclosing radius)" : "                  ", seconds, peakMb,
          diagram.dimension(1).length, q > 1 ? "  H2 " + diagram.dimension(2).length : "");
    }
    Files.writeString(out.resolve("tessera.csv"), results);
  }

  /** A torus of radii 2 and 1 in R^3, angles uniform, with N(0, 0.05^2) noise on each coordinate. */
  private static double[][] torus(SplittableRandom random, int n) {
    double[][] p = new double[n][];
    for (int i = 0; i < n; i++) {
      double u = random.nextDouble(0, 2 * Math.PI);
      double v = random.nextDouble(0, 2 * Math.PI);
      p[i] = new double[] {(2 + Math.cos(v)) * Math.cos(u) + 0.05 * random.nextGaussian(),
          (2 + Math.cos(v)) * Math.sin(u) + 0.05 * random.nextGaussian(), Math.sin(v) + 0.05 * random.nextGaussian()};
    }
    return p;
  }

  private static void writePoints(Path file, double[][] points) throws IOException {
    StringBuilder csv = new StringBuilder();
    for (double[] p : points) {
      csv.append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g%n", p[0], p[1], p[2]));
    }
    Files.writeString(file, csv);
  }

  private static void writeDiagram(Path file, PersistenceDiagram diagram) throws IOException {
    StringBuilder csv = new StringBuilder();
    for (int k = 0; k <= diagram.maxDimension(); k++) {
      for (double[] i : diagram.dimension(k)) {
        csv.append(String.format(Locale.ROOT, "%d,%.17g,%s%n", k, i[0], Double.isInfinite(i[1]) ? "inf" : String.format(Locale.ROOT, "%.17g", i[1])));
      }
    }
    Files.writeString(file, csv);
  }
}
