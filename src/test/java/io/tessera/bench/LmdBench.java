package io.tessera.bench;

import io.tessera.data.ShapeImages;
import io.tessera.jobs.diffusion.LmdConfig;
import io.tessera.jobs.diffusion.LmdLift;
import io.tessera.model.DevicePolicy;
import io.tessera.model.diffusion.DiffusionModel;
import io.tessera.model.diffusion.DiffusionTrainer;
import io.tessera.model.diffusion.EpsNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seconds per LMD attempt per image on 28 x 28 images with the U-Net of conf/lmd-mnist.yaml
 * (channels 16, 32, 32; T = 1000; step size 10: 100 eps passes per attempt): a batch of images
 * lifted together, as the lmd job does with batch_size images, against the same images one at a
 * time (batch size 1), interleaved in one JVM. The U-Net is trained for a few iterations only: the
 * cost does not depend on the weights. Run with bench/lmd.
 */
public final class LmdBench {
  private static final int ROUNDS_OF_TIMING = 3;

  private LmdBench() {}

  public static void main(String[] args) throws Exception {
    int batch = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    int stepSize = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int side = 28;
    int dim = side * side;
    float[][] images = ShapeImages.generate(batch, side, 1).features();
    float[] data = new float[batch * dim];
    for (int i = 0; i < batch; i++) {
      System.arraycopy(images[i], 0, data, i * dim, dim);
    }
    Path dir = Files.createTempDirectory("tessera-bench-lmd");
    DiffusionTrainer.train(data, batch, dim, new DiffusionTrainer.Spec("bench-unet", EpsNetwork.unet(List.of(16, 32, 32)), 32, 1000, 5, 16,
        1e-3, 1, DevicePolicy.CPU, "shapes"), dir.resolve("ddpm"), line -> {});
    LmdLift lift = new LmdLift(LmdConfig.INPAINT, 8, stepSize, 500, "A", 0, 1, 0);
    try (DiffusionModel model = DiffusionModel.load(dir.resolve("ddpm"), ai.djl.Device.cpu())) {
      double[][] seconds = new double[2][ROUNDS_OF_TIMING];
      for (int r = 0; r < ROUNDS_OF_TIMING; r++) {
        long start = System.nanoTime();
        lift(model, lift, data, 0, batch, side);
        seconds[0][r] = (System.nanoTime() - start) / 1e9 / batch;
        start = System.nanoTime();
        for (int i = 0; i < batch; i++) {
          lift(model, lift, data, i, 1, side);
        }
        seconds[1][r] = (System.nanoTime() - start) / 1e9 / batch;
      }
      double together = PatternsThroughputBench.median(seconds[0]);
      double alone = PatternsThroughputBench.median(seconds[1]);
      int passes = model.schedule().uniformGrid(stepSize).length - 1;
      System.out.printf(Locale.ROOT, "LMD inpainting, 28x28 U-Net (16,32,32), T = 1000, h = %d: %d eps passes per attempt, %d images, %d cores,"
          + " median of %d%n", stepSize, passes, batch, Runtime.getRuntime().availableProcessors(), ROUNDS_OF_TIMING);
      System.out.printf(Locale.ROOT, "%-40s %8.3f s per attempt per image%n", "batch size " + batch + " (the job)", together);
      System.out.printf(Locale.ROOT, "%-40s %8.3f s per attempt per image%n", "batch size 1", alone);
      System.out.printf(Locale.ROOT, "batch 1 / batch %d = %.1fx%n", batch, alone / together);
    }
  }

  /** One attempt (mask parity 0) for images first .. first + count - 1. */
  private static void lift(DiffusionModel model, LmdLift lift, float[] data, int first, int count, int side) {
    int dim = side * side;
    double[] originals = new double[count * dim];
    boolean[][] known = new boolean[count][];
    SplittableRandom[] noise = new SplittableRandom[count];
    for (int i = 0; i < count; i++) {
      for (int k = 0; k < dim; k++) {
        originals[i * dim + k] = data[(first + i) * dim + k];
      }
      known[i] = lift.known(side, 0);
      noise[i] = lift.noise(first + i, 0);
    }
    lift.apply(model, originals, known, count, noise);
  }
}
