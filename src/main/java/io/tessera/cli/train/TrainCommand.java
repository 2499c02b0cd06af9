package io.tessera.cli.train;

import io.tessera.cli.options.TrainingOptions;
import io.tessera.model.classifier.ModelCard;
import io.tessera.run.SparkSessions;
import io.tessera.training.TrainJob;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tessera train}: a reference ReLU MLP or small CNN, trained with DJL on a dataset's train split. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a ReLU MLP (or, with --conv-filters, a small CNN on square images) with DJL and save it with a model card.")
public final class TrainCommand implements Callable<Integer> {
  @Mixin TrainingOptions training;

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

  @Override
  public Integer call() {
    ModelCard.Task parsedTask = switch (task) {
      case "regression" -> ModelCard.Task.REGRESSION;
      case "classification" -> ModelCard.Task.CLASSIFICATION;
      default -> throw new io.tessera.TesseraException("unknown task '" + task + "': use regression or classification");
    };
    TrainJob.Request request = new TrainJob.Request(training.data, training.out, training.modelId(), parsedTask, hidden, epochs, batchSize,
        learningRate, training.seed, training.device(), convFilters);
    ModelCard card = TrainJob.run(SparkSessions.getOrCreate(), request, line -> System.out.println("  " + line));
    System.out.println("saved " + card.modelId() + " to " + training.out + "  " + card.training().metrics());
    return 0;
  }
}
