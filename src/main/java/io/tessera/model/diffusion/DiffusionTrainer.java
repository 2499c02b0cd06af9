package io.tessera.model.diffusion;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.tessera.TesseraException;
import io.tessera.math.diffusion.NoiseSchedule;
import io.tessera.math.diffusion.TimeEmbedding;
import io.tessera.model.DevicePolicy;
import io.tessera.model.DjlRuntime;
import io.tessera.model.FiniteLoss;
import io.tessera.model.ScalarFreeOps;
import io.tessera.model.TrainingRecord;
import io.tessera.model.conv.Convolutions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains a DDPM's eps-network with the eps-prediction loss (Tu eq. 16): per iteration a batch of
 * training points x_0 drawn with replacement, t uniform on 1..T, eps ~ N(0, I), and the mean squared
 * error between eps and eps_theta(sqrt(abar_t) x_0 + sqrt(1 - abar_t) eps, t). Adam with cosine
 * decay to 1% of the rate. The network ({@link EpsNetwork}) is an MLP with SiLU or a U-Net on
 * [x_t, sinusoidal embedding of t]. One seed fixes the initial weights and every draw.
 */
public final class DiffusionTrainer {
  static final String PARAMS_NAME = "ddpm";

  private DiffusionTrainer() {}

  /** What to train; {@code timeEmbedding} is the (even) size of t's embedding. */
  public record Spec(String modelId, EpsNetwork network, int timeEmbedding, int steps, int iterations, int batchSize,
      double learningRate, long seed, DevicePolicy device, String datasetName) {
    public Spec {
      if (iterations <= 0 || batchSize <= 0 || !(learningRate > 0)) {
        throw new TesseraException("iterations, batch size and learning rate must be positive");
      }
      if (timeEmbedding <= 0 || timeEmbedding % 2 != 0) {
        throw new TesseraException("time_embedding must be a positive even number, got " + timeEmbedding);
      }
    }
  }

  /** Trains on {@code rows} points of {@code dim} values (row-major) and saves model and card in {@code outDir}. */
  public static DiffusionCard train(float[] data, int rows, int dim, Spec spec, Path outDir, Consumer<String> progress) {
    synchronized (DjlRuntime.AUTOGRAD) {
      return trainAlone(data, rows, dim, spec, outDir, progress);
    }
  }

  private static DiffusionCard trainAlone(float[] data, int rows, int dim, Spec spec, Path outDir, Consumer<String> progress) {
    NoiseSchedule schedule;
    try {
      schedule = NoiseSchedule.scaledLinear(spec.steps());
    } catch (IllegalArgumentException e) {
      throw new TesseraException(e.getMessage(), e);
    }
    Engine engine = DjlRuntime.engine();
    engine.setRandomSeed((int) spec.seed());
    Device device = spec.device().resolve();
    Block block = spec.network().block(dim, spec.timeEmbedding());
    if (EpsNetwork.UNET.equals(spec.network().kind())) {
      Convolutions.prepare(device);
    }
    float[][] embeddings = embeddings(spec.steps(), spec.timeEmbedding());
    int width = dim + spec.timeEmbedding();
    DefaultTrainingConfig config = new DefaultTrainingConfig(ScalarFreeOps.meanSquaredError())
        .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.cosine().setBaseValue((float) spec.learningRate())
            .optFinalValue((float) spec.learningRate() / 100).setMaxUpdates(spec.iterations()).build()).build())
        .optDevices(new Device[] {device});
    SplittableRandom random = new SplittableRandom(spec.seed());
    try (Model model = Model.newInstance(PARAMS_NAME, device, DjlRuntime.ENGINE)) {
      model.setBlock(block);
      double recent = 0;
      int counted = 0;
      double lastLoss = Double.NaN;
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(1, width));
        float[] inputs = new float[spec.batchSize() * width];
        float[] targets = new float[spec.batchSize() * dim];
        int report = Math.max(1, spec.iterations() / 10);
        for (int it = 1; it <= spec.iterations(); it++) {
          for (int i = 0; i < spec.batchSize(); i++) {
            int row = random.nextInt(rows);
            int t = 1 + random.nextInt(spec.steps());
            double signal = Math.sqrt(schedule.abar(t));
            double noise = Math.sqrt(1 - schedule.abar(t));
            for (int k = 0; k < dim; k++) {
              double eps = random.nextGaussian();
              targets[i * dim + k] = (float) eps;
              inputs[i * width + k] = (float) (signal * data[row * dim + k] + noise * eps);
            }
            System.arraycopy(embeddings[t], 0, inputs, i * width + dim, spec.timeEmbedding());
          }
          try (NDManager scope = trainer.getManager().newSubManager();
              GradientCollector collector = trainer.newGradientCollector()) {
            NDArray x = scope.create(inputs, new Shape(spec.batchSize(), width));
            NDArray y = scope.create(targets, new Shape(spec.batchSize(), dim));
            NDArray loss = trainer.forward(new NDList(x)).singletonOrThrow().sub(y).square().mean();
            float value = loss.getFloat();
            FiniteLoss.check(spec.modelId(), "iteration " + it + " of " + spec.iterations(), value);
            collector.backward(loss);
            recent += value;
            counted++;
          }
          trainer.step();
          if (it % report == 0 || it == spec.iterations()) {
            lastLoss = recent / counted;
            progress.accept(String.format("iteration %d/%d  eps mse %.5f", it, spec.iterations(), lastLoss));
            recent = 0;
            counted = 0;
          }
        }
      }
      Files.createDirectories(outDir);
      model.save(outDir, PARAMS_NAME);
      DiffusionCard card = DiffusionCard.of(spec.modelId(), dim, spec.network(), spec.timeEmbedding(), spec.steps(), spec.iterations(),
          TrainingRecord.now(spec.datasetName(), rows, spec.seed(), spec.batchSize(), spec.learningRate(), Map.of("final_eps_mse", lastLoss)));
      card.write(outDir);
      return card;
    } catch (IOException e) {
      throw new TesseraException("training " + spec.modelId() + " failed: " + e.getMessage(), e);
    }
  }

  /** Row t holds the embedding of step t, for t = 0..steps. */
  static float[][] embeddings(int steps, int size) {
    float[][] out = new float[steps + 1][];
    for (int t = 0; t <= steps; t++) {
      out[t] = TimeEmbedding.sinusoidal(t, size);
    }
    return out;
  }
}
