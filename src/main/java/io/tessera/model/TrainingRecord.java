package io.tessera.model;

import io.tessera.TesseraVersion;
import java.time.Instant;
import java.util.Map;

/**
 * What every model card records of how its model was trained; each card unwraps this block, so the
 * card's JSON keys stay flat.
 *
 * @param dataset the training dataset's name
 * @param rows training rows
 * @param seed the training seed
 * @param batchSize rows per optimiser step
 * @param learningRate Adam's learning rate
 * @param metrics figures measured at the end of training (train_accuracy, test_mse, final_eps_mse, …)
 * @param versions the engine and Tessera versions that trained it
 * @param createdAt when training ended (ISO-8601)
 */
public record TrainingRecord(
    String dataset,
    long rows,
    long seed,
    int batchSize,
    double learningRate,
    Map<String, Double> metrics,
    Map<String, String> versions,
    String createdAt) {

  /** The record of a model whose training ends now, on this JVM's engine. */
  public static TrainingRecord now(String dataset, long rows, long seed, int batchSize, double learningRate, Map<String, Double> metrics) {
    return new TrainingRecord(dataset, rows, seed, batchSize, learningRate, metrics,
        Map.of("djl", DjlRuntime.engine().getVersion(), "tessera", TesseraVersion.current()), Instant.now().toString());
  }
}
