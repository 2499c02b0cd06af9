package io.tessera.cli.reproduce;

import io.tessera.math.MeanInterval;
import io.tessera.model.classifier.ModelCard;
import io.tessera.reproduce.SattelbergMnistConfig;
import io.tessera.reproduce.SattelbergMnistReproduction;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code tessera reproduce-sattelberg --config conf/sattelberg-mnist.yaml}: Sattelberg et al. Tables 1 and 2 on MNIST. */
@Command(name = "reproduce-sattelberg", mixinStandardHelpOptions = true,
    description = "Reproduce Sattelberg et al. Tables 1 and 2 (local maps: k-means and affine maps between networks) on MNIST IDX files.")
public final class ReproduceSattelbergCommand extends ReproductionCommand<SattelbergMnistConfig, SattelbergMnistReproduction.Result> {
  public ReproduceSattelbergCommand() {
    super(SattelbergMnistConfig.class, SattelbergMnistReproduction::run);
  }

  @Override
  void print(SattelbergMnistConfig cfg, SattelbergMnistReproduction.Result result) {
    System.out.println("Models (paper, 60,000 training images, SGD 30 epochs: Dense 96.03%, Conv1 98.07%, Conv2 98.04% test accuracy)");
    for (ModelCard card : result.models()) {
      System.out.printf(Locale.ROOT, "  %-22s conv %-9s dense %-6s train accuracy %.4f  test accuracy %.4f%n", card.modelId(),
          card.convFilters() == null ? "-" : card.convFilters(), card.hidden(), card.training().metrics().get("train_accuracy"),
          card.training().metrics().get("test_accuracy"));
    }
    System.out.println("Table 1: test accuracy with each output's local map replaced by its nearest of k k-means centres");
    System.out.println("         (paper, k = original/1/10/100: Dense 96.03/86.79/92.31/94.34%, Conv1 98.07/67.66/86.39/93.82%,");
    System.out.println("         Conv2 98.04/63.66/86.72/94.21%)");
    result.table1().forEach(r -> System.out.printf(Locale.ROOT, "  %-8s k=%-5d %.4f ± %.4f  (network %.4f, %d test samples)%n",
        r.model(), r.k(), r.accuracy(), MeanInterval.proportionHalfWidth(r.accuracy(), r.samples()), r.original(), r.samples()));
    System.out.println("Table 2: test accuracy of one network's local maps mapped onto another's (paper: Dense->Conv1 95.36%,");
    System.out.println("         Dense->Conv2 95.19, Conv1->Dense 95.67, Conv1->Conv2 97.76, Conv2->Dense 95.62, Conv2->Conv1 97.86)");
    System.out.println("         ± is the 95% half-width over the test samples; rank is C_from's rank over the outputs' fits");
    result.table2().forEach(r -> System.out.printf(Locale.ROOT, "  %-8s -> %-8s %.4f ± %.4f  (from-network %.4f, %d test samples; rank %d-%d from %d training maps)%n",
        r.from(), r.to(), r.accuracy(), MeanInterval.proportionHalfWidth(r.accuracy(), r.samples()), r.fromAccuracy(), r.samples(), r.minRank(),
        r.maxRank(), r.trainSamples()));
  }

  @Override
  String tables(SattelbergMnistConfig cfg, SattelbergMnistReproduction.Result result) {
    return "all tables under " + cfg.output();
  }
}
