package io.tessera.model.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TesseraException;
import io.tessera.math.diffusion.ChainLikelihood;
import io.tessera.math.diffusion.NoiseSchedule;
import io.tessera.math.diffusion.ReverseVariance;
import io.tessera.model.DevicePolicy;
import io.tessera.model.classifier.ModelCard;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DDPM trained on Gaussian data learns the closed-form optimal eps, and eq. 23 then finds the density. */
class DiffusionTrainerTest {
  private static final double[] MU = {0.5, -0.3};
  private static final double SIGMA = 0.4;

  @TempDir Path tmp;

  @Test
  void learnsTheOptimalEpsilonOfGaussianData() {
    int n = 4000;
    float[] data = new float[n * 2];
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 2; k++) {
        data[i * 2 + k] = (float) (MU[k] + SIGMA * random.nextGaussian());
      }
    }
    DiffusionTrainer.Spec spec = new DiffusionTrainer.Spec("gauss", EpsNetwork.mlp(List.of(64, 64)), 16, 100, 1500, 256, 2e-3, 3, DevicePolicy.CPU, "gauss");
    DiffusionCard card = DiffusionTrainer.train(data, n, 2, spec, tmp.resolve("ddpm"), line -> {});
    assertEquals(DiffusionCard.FORMAT, card.format());
    assertEquals(100, card.steps());

    try (DiffusionModel model = DiffusionModel.load(tmp.resolve("ddpm"), ai.djl.Device.cpu())) {
      NoiseSchedule schedule = model.schedule();
      // The error is a small part of eps's own size.
      double error = GaussianEpsError.relative(model, MU, SIGMA, new int[] {5, 20, 50, 90}, 200, random);
      assertTrue(error < 0.02, "relative squared error of eps " + error);

      double[] x0 = {0.7, -0.1};
      double truth = -Math.log(2 * Math.PI * SIGMA * SIGMA) - 0.08 / (2 * SIGMA * SIGMA);
      int rounds = 400;
      double[] rows = new double[rounds * 2];
      SplittableRandom[] noise = new SplittableRandom[rounds];
      for (int r = 0; r < rounds; r++) {
        rows[2 * r] = x0[0];
        rows[2 * r + 1] = x0[1];
        noise[r] = new SplittableRandom(100 + r);
      }
      double[] logq = ChainLikelihood.estimate(rows, rounds, 2, schedule.uniformGrid(1), schedule, model,
          ReverseVariance.choiceA(schedule), ChainLikelihood.Prior.standard(2), noise);
      double mean = java.util.Arrays.stream(logq).average().orElseThrow();
      assertEquals(truth, mean, 0.1, "eq. 23 with the trained network, 400 rounds at h = 1 (standard error about 0.014)");
    }
    TesseraException notDdpm = assertThrows(TesseraException.class, () -> ModelCard.read(tmp.resolve("ddpm")));
    assertTrue(notDdpm.getMessage().contains("tessera-ddpm-v1"), notDdpm.getMessage());
  }

  @Test
  void aDivergingLossStopsTrainingNamingTheModelAndTheIteration() {
    float[] data = new float[32 * 2];
    java.util.Arrays.fill(data, 1e20f);
    DiffusionTrainer.Spec spec = new DiffusionTrainer.Spec("huge-data", EpsNetwork.mlp(List.of(8)), 4, 100, 5, 8, 1e-3, 1, DevicePolicy.CPU, "huge");
    Path dir = tmp.resolve("huge");
    TesseraException e = assertThrows(TesseraException.class, () -> DiffusionTrainer.train(data, 32, 2, spec, dir, line -> {}));
    assertTrue(e.getMessage().startsWith("training model 'huge-data' diverged: the loss is "), e.getMessage());
    assertTrue(e.getMessage().contains(" at iteration 1 of 5; nothing was saved"), e.getMessage());
    assertTrue(!java.nio.file.Files.exists(dir), "nothing is saved");
  }
}
