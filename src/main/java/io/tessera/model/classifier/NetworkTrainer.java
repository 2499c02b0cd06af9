package io.tessera.model.classifier;

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
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import io.tessera.TesseraException;
import io.tessera.model.DjlRuntime;
import io.tessera.model.EpochLoop;
import io.tessera.model.ScalarFreeOps;
import io.tessera.model.TrainingRecord;
import io.tessera.model.conv.Convolutions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains a ReLU MLP, or a small CNN when the spec names conv filters, with DJL (Adam, shuffled
 * mini-batches; MSE for regression, softmax cross entropy for classification) and saves it in
 * Tessera's model format. Seeding the engine fixes both the initial weights and the batch order,
 * so a given seed gives the same model on CPU.
 */
public final class NetworkTrainer {
  private NetworkTrainer() {}

  public static ModelCard train(
      TrainingSet train, TrainingSet test, TrainSpec spec, Path outDir, Consumer<String> progress) {
    synchronized (DjlRuntime.AUTOGRAD) {
      return trainAlone(train, test, spec, outDir, progress);
    }
  }

  private static ModelCard trainAlone(
      TrainingSet train, TrainingSet test, TrainSpec spec, Path outDir, Consumer<String> progress) {
    Engine engine = DjlRuntime.engine();
    engine.setRandomSeed((int) spec.seed());
    Device device = spec.device().resolve();
    boolean convolutional = !spec.convFilters().isEmpty();
    if (convolutional) {
      Convolutions.prepare(device);
    }
    int side = convolutional ? ConvBlocks.side(train.dim(), spec.convFilters()) : 0;
    SequentialBlock block = convolutional
        ? ConvBlocks.build(side, spec.convFilters(), spec.hidden(), spec.outputDim())
        : MlpBlocks.build(spec.hidden(), spec.outputDim());
    boolean regression = spec.task() == ModelCard.Task.REGRESSION;
    Loss loss = regression ? ScalarFreeOps.meanSquaredError() : ScalarFreeOps.softmaxCrossEntropy();
    DefaultTrainingConfig config =
        new DefaultTrainingConfig(loss)
            .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) spec.learningRate())).build())
            .optDevices(new Device[] {device});
    try (Model model = Model.newInstance(TesseraModelFormat.PARAMS_NAME, device, DjlRuntime.ENGINE)) {
      model.setBlock(block);
      Map<String, Double> metrics;
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(1, train.dim()));
        NDManager data = trainer.getManager().newSubManager();
        ArrayDataset dataset =
            new ArrayDataset.Builder()
                .setData(data.create(train.features(), new Shape(train.rows(), train.dim())))
                .optLabels(data.create(train.targets(), regression ? new Shape(train.rows(), 1) : new Shape(train.rows())))
                .setSampling(spec.batchSize(), true)
                .build();
        EpochLoop.run(trainer, dataset, spec.modelId(), spec.epochs(), epoch -> progress.accept(
            String.format("epoch %d/%d  %s", epoch, spec.epochs(), describe(evaluate(block, device, train, regression, "train")))));
        metrics = new LinkedHashMap<>(evaluate(block, device, train, regression, "train"));
        if (test != null) {
          metrics.putAll(evaluate(block, device, test, regression, "test"));
        }
        data.close();
      }
      Files.createDirectories(outDir);
      model.save(outDir, TesseraModelFormat.PARAMS_NAME);
      ModelCard card =
          new ModelCard(
              convolutional ? ModelCard.CNN_FORMAT : ModelCard.FORMAT,
              spec.modelId(),
              spec.task(),
              train.dim(),
              spec.hidden(),
              spec.outputDim(),
              "relu",
              spec.epochs(),
              TrainingRecord.now(spec.datasetName(), train.rows(), spec.seed(), spec.batchSize(), spec.learningRate(), metrics),
              convolutional ? spec.convFilters() : null,
              convolutional ? List.of(1, side, side) : null);
      card.write(outDir);
      return card;
    } catch (IOException | TranslateException e) {
      throw new TesseraException("training " + spec.modelId() + " failed: " + e.getMessage(), e);
    }
  }

  /** Mean squared error for regression, accuracy for classification. */
  private static Map<String, Double> evaluate(
      SequentialBlock block, Device device, TrainingSet set, boolean regression, String prefix) {
    try (NDManager scope = NDManager.newBaseManager(device, DjlRuntime.ENGINE)) {
      NDArray x = scope.create(set.features(), new Shape(set.rows(), set.dim()));
      NDArray y = scope.create(set.targets());
      NDArray out = block.forward(new ParameterStore(scope, false), new NDList(x), false).singletonOrThrow();
      Map<String, Double> m = new LinkedHashMap<>();
      if (regression) {
        m.put(prefix + "_mse", out.reshape(-1).sub(y).square().mean().getFloat() * 1.0);
      } else {
        m.put(prefix + "_accuracy", out.argMax(1).toType(y.getDataType(), false).eq(y).toType(y.getDataType(), false).mean().getFloat() * 1.0);
      }
      return m;
    }
  }

  private static String describe(Map<String, Double> metrics) {
    StringBuilder s = new StringBuilder();
    metrics.forEach((k, v) -> s.append(k).append('=').append(String.format("%.5g", v)).append(' '));
    return s.toString().trim();
  }
}
