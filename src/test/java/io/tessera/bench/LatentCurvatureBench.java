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
 * Points per second of scalar curvature for two softplus/sigmoid MLP decoders, a 2-D latent
 * 2-64-256-784 (an MNIST autoencoder's) and a 4-D latent 4-256-512-784 (the Sreehari
 * reproduction's), all in float64 in one JVM: the exact jets of the analytic route against finite
 * differences with the convergence check (two stencils per point), and the largest disagreement
 * between them relative to |H|^2 + |II|^2. Run with bench/latent-curvature.
 */
public final class LatentCurvatureBench {
  private static final int[][] DECODERS = {{2, 64, 256, 784}, {4, 256, 512, 784}};
  private static final int ROUNDS = 5;

  private LatentCurvatureBench() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 6.0;
    for (int[] widths : DECODERS) {
      measure(widths, seconds);
    }
  }

  private static void measure(int[] widths, double seconds) {
    int n = widths[0];
    SmoothMlpJets decoder = decoder(widths, new SplittableRandom(1));
    SplittableRandom random = new SplittableRandom(2);
    double[][] points = new double[256][n];
    for (double[] p : points) {
      for (int i = 0; i < n; i++) {
        p[i] = random.nextGaussian();
      }
    }
    double[] unit = new double[n];
    java.util.Arrays.fill(unit, 1);
    double worst = 0;
    for (int i = 0; i < 64; i++) {
      PointGeometry exact = GaussCurvature.of(decoder.at(points[i]));
      PointGeometry fd = FiniteDifferenceGeometry.at(rows(decoder), new double[][] {points[i]}, unit, 1e-4)[0].geometry();
      worst = Math.max(worst, Math.abs(exact.scalarCurvature() - fd.scalarCurvature()) / (exact.meanCurvatureNorm2() + exact.secondFormNorm2()));
    }
    System.out.printf(Locale.ROOT, "latent curvature, decoder %s (softplus, sigmoid output), float64, %.1f s per method in %d rounds%n",
        java.util.Arrays.toString(widths), seconds, ROUNDS);
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

  private static SmoothMlpJets decoder(int[] widths, SplittableRandom random) {
    double[][][] w = new double[widths.length - 1][][];
    double[][] b = new double[widths.length - 1][];
    for (int l = 0; l < w.length; l++) {
      w[l] = new double[widths[l + 1]][widths[l]];
      b[l] = new double[widths[l + 1]];
      for (int o = 0; o < widths[l + 1]; o++) {
        b[l][o] = 0.1 * random.nextGaussian();
        for (int c = 0; c < widths[l]; c++) {
          w[l][o][c] = random.nextGaussian() * Math.sqrt(2.0 / widths[l]);
        }
      }
    }
    return new SmoothMlpJets(w, b, List.of(SmoothActivation.SOFTPLUS, SmoothActivation.SOFTPLUS, SmoothActivation.SIGMOID));
  }
}
