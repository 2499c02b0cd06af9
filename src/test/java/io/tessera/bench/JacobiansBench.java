package io.tessera.bench;

import ai.djl.Device;
import io.tessera.TestModels;
import io.tessera.math.MlpWeights;
import io.tessera.model.classifier.ReluMlpNetwork;
import java.util.Locale;

/**
 * Jacobian rows per second (one row = one output's gradient for one sample) on a 784-340x5-10
 * ReLU MLP with random weights: the exact masked-product path against batched DJL autograd and
 * one-sample-at-a-time autograd, interleaved in one JVM. Run with bench/jacobians.
 */
public final class JacobiansBench {
  private static final int[] ARCHITECTURE = {784, 340, 340, 340, 340, 340, 10};
  private static final int BATCH = 128;
  private static final int ROUNDS = 5;

  private JacobiansBench() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 6.0;
    MlpWeights weights = TestModels.random(1, ARCHITECTURE);
    float[] batch = TestModels.randomInputs(2, BATCH, ARCHITECTURE[0]);
    float[] single = java.util.Arrays.copyOf(batch, ARCHITECTURE[0]);
    int outputs = ARCHITECTURE[ARCHITECTURE.length - 1];
    try (ReluMlpNetwork network = new ReluMlpNetwork("bench", weights, Device.cpu())) {
      double[][] rates = new double[3][ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        rates[0][r] = rowsPerSecond(seconds / ROUNDS, BATCH * outputs, () -> network.localMaps(batch, BATCH));
        rates[1][r] = rowsPerSecond(seconds / ROUNDS, BATCH * outputs, () -> network.jacobian(batch, BATCH));
        rates[2][r] = rowsPerSecond(seconds / ROUNDS, outputs, () -> network.jacobian(single, 1));
      }
      double exact = PatternsThroughputBench.median(rates[0]);
      double batched = PatternsThroughputBench.median(rates[1]);
      double one = PatternsThroughputBench.median(rates[2]);
      System.out.printf(Locale.ROOT, "Jacobian rows/s, MLP %s, %d cores, batch %d, median of %d interleaved rounds%n",
          java.util.Arrays.toString(ARCHITECTURE), Runtime.getRuntime().availableProcessors(), BATCH, ROUNDS);
      System.out.printf(Locale.ROOT, "%-44s %10.0f rows/s%n", "exact masked product (ReLU fast path)", exact);
      System.out.printf(Locale.ROOT, "%-44s %10.0f rows/s%n", "batched DJL autograd", batched);
      System.out.printf(Locale.ROOT, "%-44s %10.0f rows/s%n", "one-sample DJL autograd", one);
      System.out.printf(Locale.ROOT, "exact / batched autograd = %.2fx (target >= 5x); batched / one-sample autograd = %.2fx%n",
          exact / batched, batched / one);
      // Both paths are GEMMs, so the ratio their multiply-adds allow is the most the exact path can gain.
      double exactMacs = exactMacsPerSample();
      double autogradMacs = autogradMacsPerSample();
      System.out.printf(Locale.ROOT, "multiply-adds per sample: exact %.3fM, autograd %.3fM, arithmetic ceiling %.2fx%n",
          exactMacs / 1e6, autogradMacs / 1e6, autogradMacs / exactMacs);
      System.out.printf(Locale.ROOT, "achieved GMAC/s: exact %.1f, batched autograd %.1f, one-sample autograd %.1f%n",
          exact / outputs * exactMacs / 1e9, batched / outputs * autogradMacs / 1e9, one / outputs * autogradMacs / 1e9);
    }
  }

  /** One forward pass of one sample. */
  private static double forwardMacs() {
    double macs = 0;
    for (int l = 0; l + 1 < ARCHITECTURE.length; l++) {
      macs += (double) ARCHITECTURE[l] * ARCHITECTURE[l + 1];
    }
    return macs;
  }

  /** The forward pass for the masks, then every output row pushed back through all but the last layer. */
  private static double exactMacsPerSample() {
    int last = ARCHITECTURE.length - 1;
    double lastLayer = (double) ARCHITECTURE[last - 1] * ARCHITECTURE[last];
    return forwardMacs() + ARCHITECTURE[last] * (forwardMacs() - lastLayer);
  }

  /** One forward and one input-gradient backward pass (the same multiply-adds) per output copy. */
  private static double autogradMacsPerSample() {
    return ARCHITECTURE[ARCHITECTURE.length - 1] * 2 * forwardMacs();
  }

  private static double rowsPerSecond(double seconds, int rowsPerCall, Runnable call) {
    long warm = System.nanoTime() + (long) (0.2 * seconds * 1e9);
    while (System.nanoTime() < warm) {
      call.run();
    }
    long rows = 0;
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      call.run();
      rows += rowsPerCall;
    }
    return rows / ((System.nanoTime() - start) / 1e9);
  }
}
