package io.tessera.model.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.tessera.TesseraException;
import io.tessera.model.DevicePolicy;
import io.tessera.model.ScalarFreeOps;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The U-Net eps-network, trained on 8x8 images whose pixels are independent N(mu, sigma^2), learns
 * the closed-form optimal eps; an image's eps does not depend on the rest of its batch; the card
 * records the architecture and loading rebuilds it.
 */
class EpsilonUNetTest {
  private static final int SIDE = 8;
  private static final double MU = 0.5;
  private static final double SIGMA = 0.2;

  @TempDir Path tmp;

  @Test
  void learnsTheOptimalEpsilonOfGaussianImages() {
    int n = 2000;
    int dim = SIDE * SIDE;
    SplittableRandom random = new SplittableRandom(4);
    float[] data = new float[n * dim];
    for (int k = 0; k < data.length; k++) {
      data[k] = (float) (MU + SIGMA * random.nextGaussian());
    }
    DiffusionTrainer.Spec spec = new DiffusionTrainer.Spec("gauss-unet", EpsNetwork.unet(List.of(8, 16)), 16, 50, 400, 64, 3e-3, 2,
        DevicePolicy.CPU, "gauss-images");
    DiffusionCard card = DiffusionTrainer.train(data, n, dim, spec, tmp.resolve("unet"), line -> {});
    assertEquals(EpsNetwork.unet(List.of(8, 16)), card.epsNetwork());

    try (DiffusionModel model = DiffusionModel.load(tmp.resolve("unet"), Device.cpu())) {
      double[] mu = new double[dim];
      java.util.Arrays.fill(mu, MU);
      double error = GaussianEpsError.relative(model, mu, SIGMA, new int[] {3, 10, 25, 45}, 16, random);
      assertTrue(error < 0.05, "relative squared error of eps " + error);

      double[] batch = new double[5 * dim];
      for (int k = 0; k < batch.length; k++) {
        batch[k] = random.nextGaussian();
      }
      double[] together = model.predict(batch, 5, dim, 20);
      double[] alone = model.predict(java.util.Arrays.copyOfRange(batch, 2 * dim, 3 * dim), 1, dim, 20);
      for (int k = 0; k < dim; k++) {
        assertEquals(together[2 * dim + k], alone[k], 1e-4, "pixel " + k);
      }
    }
  }

  /**
   * Guards against a DJL 0.32 defect (see ScalarFreeOps): operations with Java numbers in the
   * autograd graph made identical trainings differ and sometimes turn every gradient into NaN.
   */
  @Test
  void sameSeedTrainsTheSameParameters() throws Exception {
    int n = 200;
    int dim = SIDE * SIDE;
    SplittableRandom random = new SplittableRandom(5);
    float[] data = new float[n * dim];
    for (int k = 0; k < data.length; k++) {
      data[k] = (float) random.nextDouble();
    }
    DiffusionTrainer.Spec spec = new DiffusionTrainer.Spec("twice", EpsNetwork.unet(List.of(4, 8)), 8, 50, 150, 32, 3e-3, 9,
        DevicePolicy.CPU, "uniform");
    byte[][] params = new byte[2][];
    for (int run = 0; run < 2; run++) {
      Path dir = tmp.resolve("run" + run);
      DiffusionCard card = DiffusionTrainer.train(data, n, dim, spec, dir, line -> {});
      assertTrue(Double.isFinite(card.training().metrics().get("final_eps_mse")), card.training().metrics().toString());
      params[run] = java.nio.file.Files.readAllBytes(dir.resolve(DiffusionTrainer.PARAMS_NAME + "-0000.params"));
    }
    assertTrue(java.util.Arrays.equals(params[0], params[1]), "two trainings with seed 9 saved different parameters");
  }

  @Test
  void refusesImagesTheLevelsCannotHalve() {
    TesseraException odd = assertThrows(TesseraException.class, () -> EpsNetwork.unet(List.of(8, 16, 16)).block(14 * 14, 16));
    assertTrue(odd.getMessage().contains("14x14") && odd.getMessage().contains("fewer levels"), odd.getMessage());
    TesseraException notSquare = assertThrows(TesseraException.class, () -> EpsNetwork.unet(List.of(8)).block(10, 16));
    assertTrue(notSquare.getMessage().contains("square"), notSquare.getMessage());
    TesseraException unknown = assertThrows(TesseraException.class, () -> new EpsNetwork("transformer", List.of(8)));
    assertTrue(unknown.getMessage().contains("transformer"), unknown.getMessage());
  }
}
