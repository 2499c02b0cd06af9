package io.tessera.cli.train;

import io.tessera.cli.options.TrainingOptions;
import io.tessera.model.diffusion.DiffusionCard;
import io.tessera.model.diffusion.DiffusionTrainer;
import io.tessera.model.diffusion.EpsNetwork;
import io.tessera.run.SparkSessions;
import io.tessera.training.DiffusionTrainJob;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tessera train-diffusion}: a DDPM on a dataset's train split, for diffusion-loglik. */
@Command(name = "train-diffusion", mixinStandardHelpOptions = true,
    description = "Train a DDPM (eps-prediction loss, scaled-linear schedule; an MLP eps-network for points or a U-Net for square"
        + " single-channel images, both with a time embedding) with DJL on a dataset's train split.")
public final class TrainDiffusionCommand implements Callable<Integer> {
  @Mixin TrainingOptions training;

  @Option(names = "--steps", defaultValue = "100", description = "T, the diffusion steps. Default: ${DEFAULT-VALUE}.")
  int steps;

  @Option(names = "--iterations", defaultValue = "20000", description = "Adam steps. Default: ${DEFAULT-VALUE}.")
  int iterations;

  @Option(names = "--batch-size", defaultValue = "1024", description = "Points per step. Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate, decayed by a cosine to 1%. Default: ${DEFAULT-VALUE}.")
  double learningRate;

  @Option(names = "--network", defaultValue = EpsNetwork.MLP, description = "eps-network: mlp (points) or unet (square images). Default: ${DEFAULT-VALUE}.")
  String network;

  @Option(names = "--hidden", split = ",", defaultValue = "128,128,128", description = "MLP hidden widths (SiLU). Default: ${DEFAULT-VALUE}.")
  List<Integer> hidden;

  @Option(names = "--channels", split = ",", defaultValue = "16,32,32",
      description = "U-Net channels per level; each level after the first halves the image side. Default: ${DEFAULT-VALUE}.")
  List<Integer> channels;

  @Option(names = "--time-embedding", defaultValue = "32", description = "Size of t's sinusoidal embedding (even). Default: ${DEFAULT-VALUE}.")
  int timeEmbedding;

  @Override
  public Integer call() {
    DiffusionTrainer.Spec spec = new DiffusionTrainer.Spec(training.modelId(),
        new EpsNetwork(network, EpsNetwork.UNET.equals(network) ? channels : hidden), timeEmbedding, steps, iterations, batchSize,
        learningRate, training.seed, training.device(), training.data);
    DiffusionCard card = DiffusionTrainJob.run(SparkSessions.getOrCreate(), training.data, training.out, spec,
        line -> System.out.println("  " + line));
    System.out.println("saved " + card.modelId() + " to " + training.out + "  " + card.training().metrics());
    return 0;
  }
}
