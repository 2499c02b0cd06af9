package io.tessera.model.torchscript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TesseraException;
import io.tessera.math.diffusion.ChainLikelihood;
import io.tessera.math.diffusion.NoiseSchedule;
import io.tessera.math.diffusion.ReverseVariance;
import io.tessera.model.DevicePolicy;
import io.tessera.model.diffusion.DiffusionModel;
import io.tessera.model.load.ModelLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's TorchScript eps-network (src/test/resources/models/gaussian-eps.pt, made by
 * scripts/make-torchscript-fixtures.py) is the closed-form optimal eps of N(mu, 0.16 I): through
 * DJL it must match that formula and give eq. 23's estimate of the true density.
 */
class TorchScriptEpsilonTest {
  private static final double[] MU = {0.5, -0.3};
  private static final double SIGMA2 = 0.16;

  @TempDir Path tmp;

  @Test
  void aTorchScriptEpsilonNetworkRunsLikeTheClosedForm() {
    String uri = Path.of("src/test/resources/models/gaussian-eps.pt").toAbsolutePath().toString();
    try (DiffusionModel model = ModelLoader.loadDiffusion(uri, DevicePolicy.CPU, new Configuration())) {
      assertEquals(2, model.dataDim());
      assertTrue(model.id().startsWith("gaussian-eps-"), model.id());
      NoiseSchedule schedule = model.schedule();
      assertEquals(100, schedule.steps());
      SplittableRandom random = new SplittableRandom(4);
      double[] states = new double[50 * 2];
      for (int k = 0; k < states.length; k++) {
        states[k] = random.nextGaussian();
      }
      for (int t : new int[] {1, 37, 100}) {
        double[] eps = model.predict(states, 50, 2, t);
        double abar = schedule.abar(t);
        for (int k = 0; k < states.length; k++) {
          double expected = Math.sqrt(1 - abar) * (states[k] - Math.sqrt(abar) * MU[k % 2]) / (abar * SIGMA2 + 1 - abar);
          assertEquals(expected, eps[k], 1e-5 * Math.max(1, Math.abs(expected)), "t = " + t);
        }
      }
      double[] x0 = {0.7, -0.1};
      int rounds = 400;
      double[] chains = new double[rounds * 2];
      SplittableRandom[] noise = new SplittableRandom[rounds];
      for (int r = 0; r < rounds; r++) {
        System.arraycopy(x0, 0, chains, 2 * r, 2);
        noise[r] = new SplittableRandom(r);
      }
      double mean = java.util.Arrays.stream(ChainLikelihood.estimate(chains, rounds, 2, schedule.uniformGrid(1), schedule, model,
          ReverseVariance.choiceA(schedule), ChainLikelihood.Prior.standard(2), noise)).average().orElseThrow();
      // Truth -0.255; at T = 100, h = 1 choice A sits about 0.07 below it (sd 0.27 per round, so the
      // mean of 400 rounds has a standard error of 0.0135): within 3.7 standard errors of -0.325.
      assertEquals(-0.325, mean, 0.05);
    }
  }

  @Test
  void aTorchScriptEpsilonNetworkNeedsItsSidecar() throws Exception {
    Path copy = Files.copy(Path.of("src/test/resources/models/gaussian-eps.pt"), tmp.resolve("lonely.pt"));
    TesseraException e = assertThrows(TesseraException.class,
        () -> ModelLoader.loadDiffusion(copy.toString(), DevicePolicy.CPU, new Configuration()));
    assertTrue(e.getMessage().contains("needs lonely.json"), e.getMessage());
  }
}
