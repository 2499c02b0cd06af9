package io.tessera;

import io.tessera.math.MlpWeights;
import io.tessera.model.DevicePolicy;
import io.tessera.model.classifier.ModelCard;
import io.tessera.model.classifier.NetworkTrainer;
import io.tessera.model.classifier.TrainSpec;
import io.tessera.model.classifier.TrainingSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Seeded networks and tiny trained models for tests. */
public final class TestModels {
  private TestModels() {}

  /** Gaussian weights scaled by 1/sqrt(fan-in) and small biases, so units are active about half the time. */
  public static MlpWeights random(long seed, int... widths) {
    Random random = new Random(seed);
    double[][][] w = new double[widths.length - 1][][];
    double[][] b = new double[widths.length - 1][];
    for (int l = 0; l + 1 < widths.length; l++) {
      w[l] = new double[widths[l + 1]][widths[l]];
      b[l] = new double[widths[l + 1]];
      for (int r = 0; r < widths[l + 1]; r++) {
        for (int c = 0; c < widths[l]; c++) {
          w[l][r][c] = (float) (random.nextGaussian() / Math.sqrt(widths[l]));
        }
        b[l][r] = (float) (0.1 * random.nextGaussian());
      }
    }
    return new MlpWeights(w, b);
  }

  public static float[] randomInputs(long seed, int rows, int dim) {
    Random random = new Random(seed);
    float[] x = new float[rows * dim];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return x;
  }

  /** A 2-input classifier trained for a couple of epochs on an XOR-like rule: quick, and a real DJL model. */
  public static ModelCard trainTiny(Path dir, long seed, int epochs) {
    int n = 400;
    float[] x = randomInputs(seed, n, 2);
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      y[i] = (x[2 * i] > 0) ^ (x[2 * i + 1] > 0) ? 1 : 0;
    }
    TrainSpec spec = new TrainSpec(dir.getFileName().toString(), ModelCard.Task.CLASSIFICATION, List.of(12, 8), 2, epochs, 32, 0.02,
        seed, DevicePolicy.CPU, "test-xor");
    return NetworkTrainer.train(new TrainingSet(x, y, n, 2), null, spec, dir, line -> {});
  }
}
