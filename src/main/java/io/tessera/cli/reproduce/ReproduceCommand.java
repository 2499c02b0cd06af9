package io.tessera.cli.reproduce;

import io.tessera.model.classifier.ModelCard;
import io.tessera.reproduce.LiuMnistConfig;
import io.tessera.reproduce.LiuMnistReproduction;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code tessera reproduce-liu --config conf/liu-mnist.yaml}: Liu et al. Tables 3 and 4 on MNIST. */
@Command(name = "reproduce-liu", mixinStandardHelpOptions = true,
    description = "Reproduce Liu et al. Tables 3 and 4 on MNIST IDX files (see conf/liu-mnist.yaml).")
public final class ReproduceCommand extends ReproductionCommand<LiuMnistConfig, LiuMnistReproduction.Result> {
  public ReproduceCommand() {
    super(LiuMnistConfig.class, LiuMnistReproduction::run);
  }

  @Override
  void print(LiuMnistConfig cfg, LiuMnistReproduction.Result result) {
    System.out.println("Models (paper: S1 3x200 train 99.08% / test 97.57%, S2 5x300 99.01% / 97.95%)");
    for (ModelCard card : result.models()) {
      System.out.printf(Locale.ROOT, "  %-10s %-22s train accuracy %.4f  test accuracy %.4f%n", card.modelId(), card.hidden(),
          card.training().metrics().get("train_accuracy"), card.training().metrics().get("test_accuracy"));
    }
    result.fgsmSuccess().forEach(line -> System.out.println("  " + line));
    System.out.println("Table 3: 1-NN label agreement within each split (paper: Euclidean 97.37% train / 95.58% test;");
    System.out.println("         Hamming S1 99.50 / 98.26, S2 99.52 / 98.06)");
    result.table3().forEach(r -> System.out.printf(Locale.ROOT, "  %-4s %-6s %-10s %.4f  (%d samples)%n",
        r.model(), r.split(), r.metric(), r.agreement(), r.samples()));
    System.out.println("Table 4: Hamming distance to a random point at distance r, mean / sd (paper, eps 0.5/0.75/1.0:");
    System.out.println("         S1 train 52.97/13.80 102.76/30.90 131.82/35.73, FGSM 75.27/13.37 128.01/35.27 151.09/36.89;");
    System.out.println("         S2 train 99.97/41.88 173.59/69.61 251.73/93.69, FGSM 178.57/83.69 264.66/99.79 339.07/106.60)");
    result.table4().forEach(r -> System.out.printf(Locale.ROOT, "  %-4s %-6s r=%-5s %8.2f / %-7.2f (%d values)%n",
        r.model(), r.split(), r.radius(), r.mean(), r.sd(), r.count()));
  }

  @Override
  String tables(LiuMnistConfig cfg, LiuMnistReproduction.Result result) {
    return "all tables under " + cfg.output();
  }
}
