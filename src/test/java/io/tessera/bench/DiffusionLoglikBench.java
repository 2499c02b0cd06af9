package io.tessera.bench;

import io.tessera.math.diffusion.ChainLikelihood;
import io.tessera.math.diffusion.NoiseSchedule;
import io.tessera.math.diffusion.ReverseVariance;
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
 * Chains per second of Tu et al.'s eq. 23 on a 2-D DDPM with the paper-sized eps-network (3 x 128
 * SiLU, T = 100, h = 1), batched as the diffusion-loglik job does (all samples x rounds per eps
 * pass) against one sample's rounds per pass, interleaved in one JVM. The network is trained for
 * a few iterations only: the cost does not depend on the weights. Run with bench/diffusion-loglik.
 */
public final class DiffusionLoglikBench {
  private static final int ROUNDS_OF_TIMING = 3;

  private DiffusionLoglikBench() {}

  public static void main(String[] args) throws Exception {
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Path dir = Files.createTempDirectory("tessera-bench-ddpm");
    float[] data = new float[2000 * 2];
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextGaussian();
    }
    DiffusionTrainer.train(data, 2000, 2, new DiffusionTrainer.Spec("bench", EpsNetwork.mlp(List.of(128, 128, 128)), 32, 100, 20, 256, 1e-3, 1,
        DevicePolicy.CPU, "gaussian"), dir.resolve("ddpm"), line -> {});
    try (DiffusionModel model = DiffusionModel.load(dir.resolve("ddpm"), ai.djl.Device.cpu())) {
      NoiseSchedule schedule = model.schedule();
      int[] grid = schedule.uniformGrid(1);
      double[] points = new double[samples * 2];
      for (int i = 0; i < points.length; i++) {
        points[i] = random.nextGaussian();
      }
      double[][] rates = new double[2][ROUNDS_OF_TIMING];
      for (int r = 0; r < ROUNDS_OF_TIMING; r++) {
        long start = System.nanoTime();
        estimate(model, schedule, grid, points, samples, rounds);
        rates[0][r] = samples * (double) rounds / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        for (int i = 0; i < samples; i++) {
          estimate(model, schedule, grid, new double[] {points[2 * i], points[2 * i + 1]}, 1, rounds);
        }
        rates[1][r] = samples * (double) rounds / ((System.nanoTime() - start) / 1e9);
      }
      double batched = PatternsThroughputBench.median(rates[0]);
      double perSample = PatternsThroughputBench.median(rates[1]);
      System.out.printf(Locale.ROOT, "eq. 23 chains/s, 2-D DDPM (3x128 SiLU, T = 100, h = 1: 100 eps passes per chain), %d samples x %d rounds, %d cores, median of %d%n",
          samples, rounds, Runtime.getRuntime().availableProcessors(), ROUNDS_OF_TIMING);
      System.out.printf(Locale.ROOT, "%-50s %10.0f chains/s%n", "all chains of a batch per eps pass (the job)", batched);
      System.out.printf(Locale.ROOT, "%-50s %10.0f chains/s%n", "one sample's rounds per eps pass", perSample);
      System.out.printf(Locale.ROOT, "batched / per-sample = %.1fx%n", batched / perSample);
    }
  }

  private static void estimate(DiffusionModel model, NoiseSchedule schedule, int[] grid, double[] points, int samples, int rounds) {
    double[] chains = new double[samples * rounds * 2];
    SplittableRandom[] noise = new SplittableRandom[samples * rounds];
    for (int c = 0; c < noise.length; c++) {
      chains[2 * c] = points[2 * (c / rounds)];
      chains[2 * c + 1] = points[2 * (c / rounds) + 1];
      noise[c] = new SplittableRandom(c);
    }
    ChainLikelihood.estimate(chains, noise.length, 2, grid, schedule, model, ReverseVariance.choiceA(schedule),
        ChainLikelihood.Prior.standard(2), noise);
  }
}
