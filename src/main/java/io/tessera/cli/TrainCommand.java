package io.tessera.cli;

import io.tessera.jobs.SparkSessions;
import io.tessera.jobs.TrainJob;
import io.tessera.model.DevicePolicy;
import io.tessera.model.ModelCard;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tessera train}: a reference ReLU MLP or small CNN, trained with DJL on a dataset's train split. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a ReLU MLP (or, with --conv-filters, a small CNN on square images) with DJL and save it with a model card.")
final class TrainCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DATASET", description = "Dataset URI (Parquet).")
  String data;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model directory to write (any Hadoop file system URI).")
  String out;

  @Option(names = "--task", defaultValue = "classification", description = "regression (uses column target) or classification (uses label). Default: ${DEFAULT-VALUE}.")
  String task;

  @Option(names = "--hidden", split = ",", defaultValue = "10,10", description = "Hidden widths. Default: ${DEFAULT-VALUE}.")
  List<Integer> hidden;

  @Option(names = "--conv-filters", split = ",", paramLabel = "F1,F2",
      description = "Convolution layers before the dense ones, filters per layer (5x5, then 2x2 max-pool and ReLU), e.g. 10,20. Default: none (an MLP).")
  List<Integer> convFilters = List.of();

  @Option(names = "--epochs", defaultValue = "30", description = "Default: ${DEFAULT-VALUE}.")
  int epochs;

  @Option(names = "--batch-size", defaultValue = "64", description = "Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(names = "--lr", defaultValue = "0.01", description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
  double learningRate;

  @Option(names = "--seed", defaultValue = "1", description = "Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}.")
  String device;

  @Option(names = "--model-id", description = "Id recorded in the card and in every result row. Default: the directory name.")
  String modelId;

  @Override
  public Integer call() {
    ModelCard.Task parsedTask = switch (task) {
      case "regression" -> ModelCard.Task.REGRESSION;
      case "classification" -> ModelCard.Task.CLASSIFICATION;
      default -> throw new io.tessera.TesseraException("unknown task '" + task + "': use regression or classification");
    };
    TrainJob.Request request = new TrainJob.Request(data, out, modelId == null ? new org.apache.hadoop.fs.Path(out).getName() : modelId,
        parsedTask, hidden, epochs, batchSize, learningRate, seed, DevicePolicy.parse(device), convFilters);
    ModelCard card = TrainJob.run(SparkSessions.getOrCreate(), request, line -> System.out.println("  " + line));
    System.out.println("saved " + card.modelId() + " to " + out + "  " + card.metrics());
    return 0;
  }
}
