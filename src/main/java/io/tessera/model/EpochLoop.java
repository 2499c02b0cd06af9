package io.tessera.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.function.IntConsumer;

/**
 * The epoch loop the classifier and autoencoder trainers share: one optimiser step per batch, a
 * progress report every tenth of the epochs and at the last, and a stop at the first non-finite loss.
 */
public final class EpochLoop {
  private EpochLoop() {}

  public static void run(Trainer trainer, Dataset dataset, String modelId, int epochs, IntConsumer report)
      throws IOException, TranslateException {
    for (int epoch = 1; epoch <= epochs; epoch++) {
      int index = 0;
      for (Batch batch : trainer.iterateDataset(dataset)) {
        index++;
        try (GradientCollector collector = trainer.newGradientCollector()) {
          NDList predictions = trainer.forward(batch.getData());
          NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), predictions);
          FiniteLoss.check(modelId, "epoch " + epoch + " of " + epochs + ", batch " + index, loss.getFloat());
          collector.backward(loss);
        }
        trainer.step();
        batch.close();
      }
      if (epoch == epochs || epoch % Math.max(1, epochs / 10) == 0) {
        report.accept(epoch);
      }
    }
  }
}
