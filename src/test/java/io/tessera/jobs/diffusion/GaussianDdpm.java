package io.tessera.jobs.diffusion;

import io.tessera.TestSpark;
import io.tessera.data.DatasetIO;
import io.tessera.data.LabeledPoints;
import io.tessera.data.Splits;
import io.tessera.model.DevicePolicy;
import io.tessera.model.diffusion.DiffusionTrainer;
import io.tessera.model.diffusion.EpsNetwork;
import io.tessera.training.DiffusionTrainJob;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The diffusion job tests' fixture: 3,000 seeded points of N(MU, SIGMA^2 I) in R^2 (2,960 train, 40
 * test), whose law is known in closed form, and a small DDPM trained on the train split.
 *
 * @param data the dataset's path
 * @param model the trained model's directory
 */
record GaussianDdpm(String data, String model) {
  static final double[] MU = {0.5, -0.3};
  static final double SIGMA = 0.4;

  static GaussianDdpm train(Path dir) {
    SplittableRandom random = new SplittableRandom(5);
    float[][] points = new float[3000][];
    for (int i = 0; i < points.length; i++) {
      points[i] = new float[] {(float) (MU[0] + SIGMA * random.nextGaussian()), (float) (MU[1] + SIGMA * random.nextGaussian())};
    }
    String data = dir.resolve("gauss").toString();
    List<String> splits = Splits.constant(2960, "train");
    splits.addAll(Splits.constant(40, "test"));
    DatasetIO.write(TestSpark.get(), new LabeledPoints(points, null, null), splits, data, false);
    String model = dir.resolve("ddpm").toString();
    DiffusionTrainJob.run(TestSpark.get(), data, model, new DiffusionTrainer.Spec("gauss-ddpm", EpsNetwork.mlp(List.of(64, 64)), 16, 100, 1500,
        256, 2e-3, 3, DevicePolicy.CPU, data), line -> {});
    return new GaussianDdpm(data, model);
  }
}
