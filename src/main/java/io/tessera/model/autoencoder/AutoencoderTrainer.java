package io.tessera.model.autoencoder;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import io.tessera.TesseraException;
import io.tessera.model.DjlRuntime;
import io.tessera.model.EpochLoop;
import io.tessera.model.ScalarFreeOps;
import io.tessera.model.TrainingRecord;
import io.tessera.model.classifier.TrainingSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains an MLP autoencoder with a smooth activation through DJL (Adam on the reconstruction's
 * mean squared error, seeded), or a decoder alone on given codes, and saves its parameters with an
 * {@link AutoencoderCard}.
 */
public final class AutoencoderTrainer {
  private AutoencoderTrainer() {}

  /** {@code train.targets()} is ignored: the reconstruction target is the input. */
  public static AutoencoderCard train(TrainingSet train, TrainingSet test, AutoencoderSpec spec, Path outDir, Consumer<String> progress) {
    SequentialBlock block = AutoencoderBlocks.build(train.dim(), spec.latentDim(), spec.hidden(), spec.activation(), spec.outputActivation());
    Pair trainPair = new Pair(train.features(), train.features(), train.rows(), train.dim(), train.dim());
    Pair testPair = test == null ? null : new Pair(test.features(), test.features(), test.rows(), test.dim(), test.dim());
    return fit(block, trainPair, testPair, AutoencoderCard.FORMAT, spec, outDir, progress);
  }

  /**
   * A decoder alone, latentDim - {@code spec.hidden()} - data, fitted to map given codes to their
   * data rows (Sreehari et al.'s post-hoc decoder of a frozen encoder); saved as tessera-decoder-v1.
   */
  public static AutoencoderCard trainDecoder(float[] codes, float[] data, int rows, int dataDim, AutoencoderSpec spec, Path outDir,
      Consumer<String> progress) {
    SequentialBlock block = AutoencoderBlocks.decoderOnly(dataDim, spec.hidden(), spec.activation(), spec.outputActivation());
    return fit(block, new Pair(codes, data, rows, spec.latentDim(), dataDim), null, AutoencoderCard.DECODER_FORMAT, spec, outDir, progress);
  }

  /** Inputs and targets, row-major. */
  private record Pair(float[] inputs, float[] targets, int rows, int inDim, int outDim) {}

  private static AutoencoderCard fit(SequentialBlock block, Pair train, Pair test, String format, AutoencoderSpec spec, Path outDir,
      Consumer<String> progress) {
    synchronized (DjlRuntime.AUTOGRAD) {
      Engine engine = DjlRuntime.engine();
      engine.setRandomSeed((int) spec.seed());
      Device device = spec.device().resolve();
      DefaultTrainingConfig config = new DefaultTrainingConfig(ScalarFreeOps.meanSquaredError())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) spec.learningRate())).build())
          .optDevices(new Device[] {device});
      try (Model model = Model.newInstance(AutoencoderCard.PARAMS_NAME, device, DjlRuntime.ENGINE)) {
        model.setBlock(block);
        Map<String, Double> metrics = new LinkedHashMap<>();
        try (Trainer trainer = model.newTrainer(config)) {
          trainer.initialize(new Shape(1, train.inDim()));
          try (NDManager data = trainer.getManager().newSubManager()) {
            ArrayDataset dataset = new ArrayDataset.Builder().setData(data.create(train.inputs(), new Shape(train.rows(), train.inDim())))
                .optLabels(data.create(train.targets(), new Shape(train.rows(), train.outDim()))).setSampling(spec.batchSize(), true).build();
            EpochLoop.run(trainer, dataset, spec.modelId(), spec.epochs(),
                epoch -> progress.accept(String.format("epoch %d/%d  train_mse=%.5g", epoch, spec.epochs(), mse(block, device, train))));
          }
          metrics.put("train_mse", mse(block, device, train));
          if (test != null) {
            metrics.put("test_mse", mse(block, device, test));
          }
        }
        Files.createDirectories(outDir);
        model.save(outDir, AutoencoderCard.PARAMS_NAME);
        AutoencoderCard card = new AutoencoderCard(format, spec.modelId(), train.outDim(), spec.latentDim(), spec.hidden(),
            spec.activation().displayName(), spec.outputActivation().displayName(), spec.epochs(),
            TrainingRecord.now(spec.datasetName(), train.rows(), spec.seed(), spec.batchSize(), spec.learningRate(), metrics));
        card.write(outDir);
        return card;
      } catch (IOException | TranslateException e) {
        throw new TesseraException("training " + spec.modelId() + " failed: " + e.getMessage(), e);
      }
    }
  }

  /** Mean over all values of the squared error. */
  private static double mse(SequentialBlock block, Device device, Pair set) {
    try (NDManager scope = NDManager.newBaseManager(device, DjlRuntime.ENGINE)) {
      NDArray x = scope.create(set.inputs(), new Shape(set.rows(), set.inDim()));
      NDArray target = scope.create(set.targets(), new Shape(set.rows(), set.outDim()));
      NDArray y = block.forward(new ParameterStore(scope, false), new NDList(x), false).singletonOrThrow();
      return y.sub(target).square().mean().getFloat();
    }
  }
}
