package io.tessera.bench;

import ai.djl.Device;
import io.tessera.TestModels;
import io.tessera.model.classifier.ReluMlpNetwork;
import java.util.Locale;

/**
 * Forward rows per second of the perturbation grid (3 radii x 8 directions + the clean point = 25
 * rows per sample) on a 784-300x5-10 MLP: the job's batching (many samples' grids in one forward
 * pass of 8192 rows) against a per-sample loop (one forward pass of 25 rows per sample), same JVM.
 * Run with bench/perturbation-grid.
 */
public final class PerturbationGridBench {
  private static final int[] ARCHITECTURE = {784, 300, 300, 300, 300, 300, 10};
  private static final int ROWS_PER_SAMPLE = 1 + 3 * 8;
  private static final int ROUNDS = 5;

  private PerturbationGridBench() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 6.0;
    int jobBatch = 8192 / ROWS_PER_SAMPLE * ROWS_PER_SAMPLE;
    float[] pool = TestModels.randomInputs(2, jobBatch, ARCHITECTURE[0]);
    System.out.printf(Locale.ROOT, "perturbation grid, MLP %s, %d rows per sample, %.1f s per method in %d interleaved rounds%n",
        java.util.Arrays.toString(ARCHITECTURE), ROWS_PER_SAMPLE, seconds, ROUNDS);
    try (ReluMlpNetwork network = new ReluMlpNetwork("bench", TestModels.random(1, ARCHITECTURE), Device.cpu())) {
      double[] batched = new double[ROUNDS];
      double[] perSample = new double[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        batched[r] = rowsPerSecond(network, pool, jobBatch, seconds / ROUNDS);
        perSample[r] = rowsPerSecond(network, pool, ROWS_PER_SAMPLE, seconds / ROUNDS);
      }
      double b = PatternsThroughputBench.median(batched);
      double p = PatternsThroughputBench.median(perSample);
      System.out.printf(Locale.ROOT, "%-50s %10.0f rows/s%n", "job batching (" + jobBatch + " rows per forward pass)", b);
      System.out.printf(Locale.ROOT, "%-50s %10.0f rows/s%n", "per-sample loop (" + ROWS_PER_SAMPLE + " rows per forward pass)", p);
      System.out.printf(Locale.ROOT, "batched / per-sample = %.2fx%n", b / p);
    }
  }

  private static double rowsPerSecond(ReluMlpNetwork network, float[] pool, int rows, double seconds) {
    int dim = ARCHITECTURE[0];
    int batches = pool.length / (rows * dim);
    float[][] inputs = new float[batches][];
    for (int b = 0; b < batches; b++) {
      inputs[b] = java.util.Arrays.copyOfRange(pool, b * rows * dim, (b + 1) * rows * dim);
    }
    network.patterns(inputs[0], rows);
    long done = 0;
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    for (int i = 0; System.nanoTime() < end; i++) {
      network.patterns(inputs[i % batches], rows);
      done += rows;
    }
    return done / ((System.nanoTime() - start) / 1e9);
  }
}
