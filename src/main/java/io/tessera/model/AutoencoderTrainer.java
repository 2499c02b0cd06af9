package io.tessera.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import io.tessera.TesseraException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains an MLP autoencoder with a smooth activation through DJL (Adam on the reconstruction's
 * mean squared error, seeded), and saves its parameters with an {@link AutoencoderCard}.
 */
public final class AutoencoderTrainer {
  private AutoencoderTrainer() {}

  /** {@code train.targets()} is ignored: the reconstruction target is the input. */
  public static AutoencoderCard train(TrainingSet train, TrainingSet test, AutoencoderSpec spec, Path outDir, Consumer<String> progress) {
    synchronized (DjlRuntime.AUTOGRAD) {
      Engine engine = DjlRuntime.engine();
      engine.setRandomSeed((int) spec.seed());
      Device device = spec.device().resolve();
      SequentialBlock block = AutoencoderBlocks.build(train.dim(), spec.latentDim(), spec.hidden(), spec.activation(), spec.outputActivation());
      DefaultTrainingConfig config = new DefaultTrainingConfig(ScalarFreeOps.meanSquaredError())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) spec.learningRate())).build())
          .optDevices(new Device[] {device});
      try (Model model = Model.newInstance(AutoencoderCard.PARAMS_NAME, device, DjlRuntime.ENGINE)) {
        model.setBlock(block);
        Map<String, Double> metrics = new LinkedHashMap<>();
        try (Trainer trainer = model.newTrainer(config)) {
          trainer.initialize(new Shape(1, train.dim()));
          try (NDManager data = trainer.getManager().newSubManager()) {
            NDArray x = data.create(train.features(), new Shape(train.rows(), train.dim()));
            ArrayDataset dataset = new ArrayDataset.Builder().setData(x).optLabels(x).setSampling(spec.batchSize(), true).build();
            for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
              for (Batch batch : trainer.iterateDataset(dataset)) {
                EasyTrain.trainBatch(trainer, batch);
                trainer.step();
                batch.close();
              }
              if (epoch == spec.epochs() || epoch % Math.max(1, spec.epochs() / 10) == 0) {
                progress.accept(String.format("epoch %d/%d  train_mse=%.5g", epoch, spec.epochs(), mse(block, device, train)));
              }
            }
          }
          metrics.put("train_mse", mse(block, device, train));
          if (test != null) {
            metrics.put("test_mse", mse(block, device, test));
          }
        }
        Files.createDirectories(outDir);
        model.save(outDir, AutoencoderCard.PARAMS_NAME);
        AutoencoderCard card = new AutoencoderCard(AutoencoderCard.FORMAT, spec.modelId(), train.dim(), spec.latentDim(), spec.hidden(),
            spec.activation().displayName(), spec.outputActivation().displayName(), spec.datasetName(), train.rows(), spec.seed(),
            spec.epochs(), spec.batchSize(), spec.learningRate(), metrics,
            Map.of("djl", engine.getVersion(), "tessera", TesseraModelFormat.tesseraVersion()), Instant.now().toString());
        card.write(outDir);
        return card;
      } catch (IOException | TranslateException e) {
        throw new TesseraException("training autoencoder " + spec.modelId() + " failed: " + e.getMessage(), e);
      }
    }
  }

  /** Mean over all values of the squared reconstruction error. */
  private static double mse(SequentialBlock block, Device device, TrainingSet set) {
    try (NDManager scope = NDManager.newBaseManager(device, DjlRuntime.ENGINE)) {
      NDArray x = scope.create(set.features(), new Shape(set.rows(), set.dim()));
      NDArray y = block.forward(new ParameterStore(scope, false), new NDList(x), false).singletonOrThrow();
      return y.sub(x).square().mean().getFloat();
    }
  }
}
