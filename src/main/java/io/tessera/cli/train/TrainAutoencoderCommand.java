package io.tessera.cli.train;

import io.tessera.cli.options.TrainingOptions;
import io.tessera.math.latent.SmoothActivation;
import io.tessera.model.autoencoder.AutoencoderCard;
import io.tessera.model.autoencoder.AutoencoderSpec;
import io.tessera.run.SparkSessions;
import io.tessera.training.AutoencoderTrainJob;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tessera train-autoencoder}: an MLP autoencoder with a smooth activation, for latent-geometry. */
@Command(name = "train-autoencoder", mixinStandardHelpOptions = true,
    description = "Train an MLP autoencoder (smooth activation, mean squared reconstruction error, Adam) with DJL on a dataset's train split.")
public final class TrainAutoencoderCommand implements Callable<Integer> {
  @Mixin TrainingOptions training;

  @Option(names = "--latent-dim", defaultValue = "2", description = "Latent dimension n. Default: ${DEFAULT-VALUE}.")
  int latentDim;

  @Option(names = "--hidden", split = ",", defaultValue = "64,64", description = "Encoder widths; the decoder mirrors them. Default: ${DEFAULT-VALUE}.")
  List<Integer> hidden;

  @Option(names = "--activation", defaultValue = "tanh", description = "tanh, softplus, sigmoid or elu. Default: ${DEFAULT-VALUE}.")
  String activation;

  @Option(names = "--output-activation", defaultValue = "identity", description = "identity, or sigmoid for data in [0, 1]. Default: ${DEFAULT-VALUE}.")
  String outputActivation;

  @Option(names = "--epochs", defaultValue = "200", description = "Default: ${DEFAULT-VALUE}.")
  int epochs;

  @Option(names = "--batch-size", defaultValue = "128", description = "Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(names = "--lr", defaultValue = "0.003", description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
  double learningRate;

  @Override
  public Integer call() {
    AutoencoderSpec spec = new AutoencoderSpec(training.modelId(), latentDim, hidden, SmoothActivation.parse(activation),
        SmoothActivation.parse(outputActivation), epochs, batchSize, learningRate, training.seed, training.device(), training.data);
    AutoencoderCard card = AutoencoderTrainJob.run(SparkSessions.getOrCreate(), training.data, training.out, spec,
        line -> System.out.println("  " + line));
    System.out.println("saved " + card.modelId() + " to " + training.out + "  " + card.training().metrics());
    return 0;
  }
}
