package io.tessera.model;

import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.function.IntConsumer;

/** The epoch loop the MLP trainers share: one optimiser step per batch, a progress report every tenth of the epochs and at the last. */
final class EpochLoop {
  private EpochLoop() {}

  static void run(Trainer trainer, Dataset dataset, int epochs, IntConsumer report) throws IOException, TranslateException {
    for (int epoch = 1; epoch <= epochs; epoch++) {
      for (Batch batch : trainer.iterateDataset(dataset)) {
        EasyTrain.trainBatch(trainer, batch);
        trainer.step();
        batch.close();
      }
      if (epoch == epochs || epoch % Math.max(1, epochs / 10) == 0) {
        report.accept(epoch);
      }
    }
  }
}
