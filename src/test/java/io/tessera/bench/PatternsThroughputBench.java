package io.tessera.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.tessera.TestModels;
import io.tessera.math.MlpWeights;
import io.tessera.model.DjlRuntime;
import io.tessera.model.classifier.ReluMlpNetwork;
import java.util.Locale;

/**
 * Activation-pattern throughput on a 784-340x5-10 MLP with random weights, against baselines
 * measured in the same process: a bare DJL matmul chain of the same shapes (the compute floor),
 * the same chain computing the z > 0 masks in the engine without reading them (the ceiling of
 * any method that returns patterns), and a naive one-sample-at-a-time loop (one forward pass per sample, each layer's pre-activations
 * copied to Java and thresholded unit by unit). Two more per-sample figures put that loop in
 * context: Tessera's own path at batch 1, and the plain-Java float64 forward pass that the tests
 * use as the independent reference. Run it with bench/patterns-throughput.
 */
public final class PatternsThroughputBench {
  private static final int[] ARCHITECTURE = {784, 340, 340, 340, 340, 340, 10};
  private static final int POOL = 8192;
  private static final int ROUNDS = 5;

  private PatternsThroughputBench() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10.0;
    MlpWeights weights = TestModels.random(1, ARCHITECTURE);
    float[] pool = TestModels.randomInputs(2, POOL, ARCHITECTURE[0]);
    System.out.printf("patterns throughput, MLP %s, DJL %s (PyTorch %s) on %s, %d cores, %.1f s per method and batch size, in %d interleaved rounds%n",
        java.util.Arrays.toString(ARCHITECTURE), ai.djl.engine.Engine.getDjlVersion(), DjlRuntime.version(), Device.cpu(),
        Runtime.getRuntime().availableProcessors(), seconds, ROUNDS);
    try (ReluMlpNetwork network = new ReluMlpNetwork("bench", weights, Device.cpu());
        MatmulChain chain = new MatmulChain(weights)) {
      Step tessera = (x, n) -> network.patterns(x, n);
      Step naiveLoop = (x, n) -> chain.naivePatterns(x);
      Step plainJava = (x, n) -> weights.pattern(toDouble(x));
      for (int batch : new int[] {256, 1024}) {
        // Interleaved rounds and medians: a shared 2-core VM drifts more than the effects measured.
        double[][] rounds = new double[6][ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
          rounds[0][r] = measure(seconds / ROUNDS, batch, pool, chain::run);
          rounds[5][r] = measure(seconds / ROUNDS, batch, pool, chain::runWithMasks);
          rounds[1][r] = measure(seconds / ROUNDS, batch, pool, tessera);
          rounds[2][r] = measure(seconds / ROUNDS, 1, pool, naiveLoop);
          rounds[3][r] = measure(seconds / ROUNDS, 1, pool, tessera);
          rounds[4][r] = measure(seconds / ROUNDS, 1, pool, plainJava);
        }
        double floor = median(rounds[0]);
        double patterns = median(rounds[1]);
        double naive = median(rounds[2]);
        double tesseraSingle = median(rounds[3]);
        double plain = median(rounds[4]);
        double masked = median(rounds[5]);
        System.out.printf(Locale.ROOT, "batch %4d  %-38s %10.0f samples/s%n", batch, "DJL matmul chain (compute floor)", floor);
        System.out.printf(Locale.ROOT, "batch %4d  %-38s %10.0f samples/s%n", batch, "chain + z > 0 masks in the engine", masked);
        System.out.printf(Locale.ROOT, "batch %4d  %-38s %10.0f samples/s%n", batch, "Tessera patterns", patterns);
        System.out.printf(Locale.ROOT, "batch %4d  %-38s %10.0f samples/s%n", 1, "naive loop, one sample per call", naive);
        System.out.printf(Locale.ROOT, "batch %4d  %-38s %10.0f samples/s%n", 1, "Tessera patterns, one sample per call", tesseraSingle);
        System.out.printf(Locale.ROOT, "batch %4d  %-38s %10.0f samples/s%n", 1, "plain-Java float64 loop (test reference)", plain);
        System.out.printf(Locale.ROOT, "batch %4d  patterns / matmul chain = %.2fx (target >= 0.7x); patterns / naive loop = %.1fx (target >= 20x)%n",
            batch, patterns / floor, patterns / naive);
        System.out.printf(Locale.ROOT, "batch %4d  patterns / Tessera at batch 1 = %.1fx (the gain from batching alone); patterns / plain-Java loop = %.1fx%n",
            batch, patterns / tesseraSingle, patterns / plain);
        System.out.printf(Locale.ROOT, "batch %4d  patterns / (chain + masks) = %.2fx: the chain cannot give patterns without computing the masks, so this is the ceiling%n",
            batch, patterns / masked);
        System.out.printf(Locale.ROOT, "batch %4d  ceiling of the naive-loop ratio on this machine: matmul chain / naive loop = %.1fx%n", batch, floor / naive);
      }
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double[] toDouble(float[] x) {
    double[] d = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      d[j] = x[j];
    }
    return d;
  }

  private interface Step {
    void run(float[] inputs, int batch);
  }

  /** Samples per second of {@code step} on consecutive batches from the pool, after a warm-up. */
  private static double measure(double seconds, int batch, float[] pool, Step step) {
    int dim = ARCHITECTURE[0];
    float[][] batches = new float[POOL / batch][];
    for (int b = 0; b < batches.length; b++) {
      batches[b] = java.util.Arrays.copyOfRange(pool, b * batch * dim, (b + 1) * batch * dim);
    }
    long warmUntil = System.nanoTime() + (long) (0.2 * seconds * 1e9);
    for (int i = 0; System.nanoTime() < warmUntil; i++) {
      step.run(batches[i % batches.length], batch);
    }
    long samples = 0;
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    for (int i = 0; System.nanoTime() < end; i++) {
      step.run(batches[i % batches.length], batch);
      samples += batch;
    }
    return samples / ((System.nanoTime() - start) / 1e9);
  }

  /** The compute floor: the same GEMMs, biases and ReLUs, with only the logits copied back. */
  private static final class MatmulChain implements AutoCloseable {
    private final NDManager manager = NDManager.newBaseManager(Device.cpu(), DjlRuntime.ENGINE);
    private final NDArray[] transposed;
    private final NDArray[] biases;

    MatmulChain(MlpWeights weights) {
      transposed = new NDArray[weights.layers()];
      biases = new NDArray[weights.layers()];
      for (int l = 0; l < weights.layers(); l++) {
        double[][] w = weights.weight(l);
        float[] flat = new float[w.length * w[0].length];
        for (int r = 0; r < w.length; r++) {
          for (int c = 0; c < w[0].length; c++) {
            flat[c * w.length + r] = (float) w[r][c];
          }
        }
        transposed[l] = manager.create(flat, new Shape(w[0].length, w.length));
        float[] b = new float[w.length];
        for (int r = 0; r < w.length; r++) {
          b[r] = (float) weights.bias(l)[r];
        }
        biases[l] = manager.create(b);
      }
    }

    void run(float[] inputs, int batch) {
      try (NDManager scope = manager.newSubManager()) {
        NDArray h = scope.create(inputs, new Shape(batch, transposed[0].getShape().get(0)));
        for (int l = 0; l < transposed.length; l++) {
          NDArray z = h.matMul(transposed[l]).add(biases[l]);
          h = l < transposed.length - 1 ? z.maximum(0f) : z;
        }
        h.toFloatArray();
      }
    }

    /** The chain that also computes every hidden layer's z > 0 mask in the engine, and reads none back. */
    void runWithMasks(float[] inputs, int batch) {
      try (NDManager scope = manager.newSubManager()) {
        NDArray h = scope.create(inputs, new Shape(batch, transposed[0].getShape().get(0)));
        for (int l = 0; l < transposed.length; l++) {
          NDArray z = h.matMul(transposed[l]).add(biases[l]);
          if (l < transposed.length - 1) {
            z.gt(0f);
            h = z.maximum(0f);
          } else {
            h = z;
          }
        }
        h.toFloatArray();
      }
    }

    /** The naive loop: one sample, one forward pass, every pre-activation read back and tested. */
    void naivePatterns(float[] input) {
      int dim = (int) transposed[0].getShape().get(0);
      try (NDManager scope = manager.newSubManager()) {
        NDArray h = scope.create(input, new Shape(1, dim));
        long[][] bits = new long[transposed.length - 1][];
        for (int l = 0; l < transposed.length; l++) {
          NDArray z = h.matMul(transposed[l]).add(biases[l]);
          if (l == transposed.length - 1) {
            z.toFloatArray();
            break;
          }
          float[] values = z.toFloatArray();
          bits[l] = new long[(values.length + 63) / 64];
          for (int u = 0; u < values.length; u++) {
            if (values[u] > 0f) {
              bits[l][u >>> 6] |= 1L << u;
            }
          }
          h = z.maximum(0f);
        }
      }
    }

    @Override
    public void close() {
      manager.close();
    }
  }
}
