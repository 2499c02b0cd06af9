package io.tessera.math.latent;

import java.util.List;
import java.util.SplittableRandom;

/** Seeded random smooth MLP decoders for curvature tests. */
public final class RandomDecoders {
  private RandomDecoders() {}

  /**
   * Layers of {@code widths} (widths[0] the latent dimension), weights N(0, gain² / fan-in), biases
   * N(0, 0.09), the given activations after each layer.
   */
  public static SmoothMlpJets mlp(SplittableRandom random, int[] widths, double gain, List<SmoothActivation> activations) {
    int layers = widths.length - 1;
    double[][][] w = new double[layers][][];
    double[][] b = new double[layers][];
    for (int l = 0; l < layers; l++) {
      w[l] = new double[widths[l + 1]][widths[l]];
      b[l] = new double[widths[l + 1]];
      for (int o = 0; o < widths[l + 1]; o++) {
        b[l][o] = random.nextGaussian() * 0.3;
        for (int c = 0; c < widths[l]; c++) {
          w[l][o][c] = random.nextGaussian() * gain / Math.sqrt(widths[l]);
        }
      }
    }
    return new SmoothMlpJets(w, b, activations);
  }
}
