package io.tessera.bench;

import io.tessera.math.latent.FiniteDifferenceGeometry;
import io.tessera.math.latent.GaussCurvature;
import io.tessera.math.latent.PointGeometry;
import io.tessera.math.latent.SmoothActivation;
import io.tessera.math.latent.SmoothMlpJets;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Points per second of scalar curvature on a 2-D latent with a 2-64-256-784 softplus/sigmoid MLP
 * decoder (the shape of an MNIST decoder), both in float64 in one JVM: the exact jets of the
 * analytic route against finite differences with the convergence check (two stencils of 9
 * decodes per point), and the largest disagreement between them relative to |H|^2 + |II|^2.
 * Run with bench/latent-curvature.
 */
public final class LatentCurvatureBench {
  private static final int[] WIDTHS = {2, 64, 256, 784};
  private static final int ROUNDS = 5;

  private LatentCurvatureBench() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 6.0;
    SmoothMlpJets decoder = decoder(new SplittableRandom(1));
    SplittableRandom random = new SplittableRandom(2);
    double[][] points = new double[256][];
    for (int i = 0; i < points.length; i++) {
      points[i] = new double[] {random.nextGaussian(), random.nextGaussian()};
    }
    double[] unit = {1, 1};
    double worst = 0;
    for (int i = 0; i < 64; i++) {
      PointGeometry exact = GaussCurvature.of(decoder.at(points[i]));
      PointGeometry fd = FiniteDifferenceGeometry.at(rows(decoder), new double[][] {points[i]}, unit, 1e-4)[0].geometry();
      worst = Math.max(worst, Math.abs(exact.scalarCurvature() - fd.scalarCurvature()) / (exact.meanCurvatureNorm2() + exact.secondFormNorm2()));
    }
    System.out.printf(Locale.ROOT, "latent curvature, decoder %s (softplus, sigmoid output), float64, %.1f s per method in %d rounds%n",
        java.util.Arrays.toString(WIDTHS), seconds, ROUNDS);
    double[] exactRates = new double[ROUNDS];
    double[] fdRates = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      exactRates[r] = rate(seconds / ROUNDS, points, batch -> {
        for (double[] z : batch) {
          GaussCurvature.of(decoder.at(z));
        }
      });
      fdRates[r] = rate(seconds / ROUNDS, points, batch -> FiniteDifferenceGeometry.at(rows(decoder), batch, unit, 1e-4));
    }
    double exact = PatternsThroughputBench.median(exactRates);
    double fd = PatternsThroughputBench.median(fdRates);
    System.out.printf(Locale.ROOT, "%-46s %10.0f points/s%n", "exact jets (analytic route)", exact);
    System.out.printf(Locale.ROOT, "%-46s %10.0f points/s%n", "finite differences, eta and eta/2 (fd route)", fd);
    System.out.printf(Locale.ROOT, "exact / fd = %.2fx; largest |R_exact - R_fd| / (|H|^2 + |II|^2) = %.2e%n", exact / fd, worst);
  }

  private static java.util.function.UnaryOperator<double[][]> rows(SmoothMlpJets decoder) {
    return zs -> {
      double[][] out = new double[zs.length][];
      for (int i = 0; i < zs.length; i++) {
        out[i] = decoder.decode(zs[i]);
      }
      return out;
    };
  }

  private static double rate(double seconds, double[][] points, java.util.function.Consumer<double[][]> method) {
    method.accept(points);
    long done = 0;
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      method.accept(points);
      done += points.length;
    }
    return done / ((System.nanoTime() - start) / 1e9);
  }

  private static SmoothMlpJets decoder(SplittableRandom random) {
    double[][][] w = new double[WIDTHS.length - 1][][];
    double[][] b = new double[WIDTHS.length - 1][];
    for (int l = 0; l < w.length; l++) {
      w[l] = new double[WIDTHS[l + 1]][WIDTHS[l]];
      b[l] = new double[WIDTHS[l + 1]];
      for (int o = 0; o < WIDTHS[l + 1]; o++) {
        b[l][o] = 0.1 * random.nextGaussian();
        for (int c = 0; c < WIDTHS[l]; c++) {
          w[l][o][c] = random.nextGaussian() * Math.sqrt(2.0 / WIDTHS[l]);
        }
      }
    }
    return new SmoothMlpJets(w, b, List.of(SmoothActivation.SOFTPLUS, SmoothActivation.SOFTPLUS, SmoothActivation.SIGMOID));
  }
}
