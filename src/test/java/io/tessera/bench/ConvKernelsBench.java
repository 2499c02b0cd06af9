package io.tessera.bench;

import io.tessera.model.DevicePolicy;
import io.tessera.model.Network;
import io.tessera.model.classifier.ModelCard;
import io.tessera.model.classifier.NetworkTrainer;
import io.tessera.model.classifier.TrainSpec;
import io.tessera.model.classifier.TrainingSet;
import io.tessera.model.conv.Convolutions;
import io.tessera.model.load.ModelLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;

/**
 * What the convolution fallback costs (docs/platforms.md): forward samples/s and Jacobian rows/s of
 * the MNIST-shaped CNN (28x28, filters [10, 20], hidden [50], 10 outputs) with the engine's
 * convolution against the matrix-product kernel, interleaved in one JVM, plus the time of the
 * self-check itself. Run with bench/conv-kernels.
 */
public final class ConvKernelsBench {
  private static final int SIDE = 28;
  private static final int BATCH = 64;
  private static final int ROUNDS = 5;

  private ConvKernelsBench() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 6.0;
    Path dir = Files.createTempDirectory("conv-bench");
    int n = 512;
    int dim = SIDE * SIDE;
    Random random = new Random(1);
    float[] x = new float[n * dim];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 10;
      for (int k = 0; k < dim; k++) {
        x[i * dim + k] = random.nextFloat();
      }
    }
    NetworkTrainer.train(new TrainingSet(x, y, n, dim), null, new TrainSpec("bench-cnn", ModelCard.Task.CLASSIFICATION, List.of(50), 10,
        1, 64, 0.01, 1, DevicePolicy.CPU, "random", List.of(10, 20)), dir, line -> {});
    float[] batch = java.util.Arrays.copyOf(x, BATCH * dim);
    String[] kernels = {"engine", "matmul"};
    double[][] forward = new double[2][ROUNDS];
    double[][] jacobian = new double[2][ROUNDS];
    try (Network net = ModelLoader.load(dir.toString(), DevicePolicy.CPU, new Configuration())) {
      for (int r = 0; r < ROUNDS; r++) {
        for (int k = 0; k < 2; k++) {
          System.setProperty(Convolutions.PROPERTY, kernels[k]);
          Convolutions.reset();
          forward[k][r] = perSecond(seconds / ROUNDS / 2, BATCH, () -> net.forward(batch, BATCH));
          jacobian[k][r] = perSecond(seconds / ROUNDS / 2, BATCH * 10, () -> net.jacobian(batch, BATCH));
        }
      }
    }
    System.clearProperty(Convolutions.PROPERTY);
    Convolutions.reset();
    long start = System.nanoTime();
    Convolutions.prepare(ai.djl.Device.cpu());
    double checkSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "MNIST-shaped CNN (28x28, filters [10, 20], hidden [50]), batch %d, %d cores, median of %d interleaved rounds%n",
        BATCH, Runtime.getRuntime().availableProcessors(), ROUNDS);
    for (int k = 0; k < 2; k++) {
      System.out.printf(Locale.ROOT, "%-8s kernel: forward %9.0f samples/s, Jacobian %9.0f rows/s%n", kernels[k],
          PatternsThroughputBench.median(forward[k]), PatternsThroughputBench.median(jacobian[k]));
    }
    System.out.printf(Locale.ROOT, "matmul / engine: forward %.2fx, Jacobian %.2fx; the self-check took %.2f s once per JVM%n",
        PatternsThroughputBench.median(forward[1]) / PatternsThroughputBench.median(forward[0]),
        PatternsThroughputBench.median(jacobian[1]) / PatternsThroughputBench.median(jacobian[0]), checkSeconds);
  }

  private static double perSecond(double seconds, int perCall, Runnable call) {
    long warm = System.nanoTime() + (long) (0.2 * seconds * 1e9);
    while (System.nanoTime() < warm) {
      call.run();
    }
    long done = 0;
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      call.run();
      done += perCall;
    }
    return done / ((System.nanoTime() - start) / 1e9);
  }
}
