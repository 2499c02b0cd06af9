package io.tessera.cli.reproduce;

import io.tessera.math.MeanInterval;
import io.tessera.model.classifier.ModelCard;
import io.tessera.reproduce.LiuMnistConfig;
import io.tessera.reproduce.LiuMnistReproduction;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code tessera reproduce-liu --config conf/liu-mnist.yaml}: Liu et al. Tables 2-6 on MNIST. */
@Command(name = "reproduce-liu", mixinStandardHelpOptions = true,
    description = "Reproduce Liu et al. Tables 2-6 on MNIST IDX files (see conf/liu-mnist.yaml).")
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
    result.table3().forEach(r -> System.out.printf(Locale.ROOT, "  %-4s %-6s %-10s %.4f ± %.4f  (%d samples)%n",
        r.model(), r.split(), r.metric(), r.agreement(),
        MeanInterval.proportionHalfWidth(r.agreement(), r.samples()), r.samples()));
    System.out.println("Table 4: Hamming distance to a random point at distance r, mean ± 95% half-width / sd (paper, eps 0.5/0.75/1.0:");
    System.out.println("         S1 train 52.97/13.80 102.76/30.90 131.82/35.73, FGSM 75.27/13.37 128.01/35.27 151.09/36.89;");
    System.out.println("         S2 train 99.97/41.88 173.59/69.61 251.73/93.69, FGSM 178.57/83.69 264.66/99.79 339.07/106.60)");
    String reading = null;
    for (LiuMnistReproduction.Table4Row r : result.table4()) {
      if (!r.reading().equals(reading)) {
        reading = r.reading();
        System.out.println("  reading: " + reading);
      }
      System.out.printf(Locale.ROOT, "  %-4s %-6s r=%-5s %8.2f ± %-5.2f / %-7.2f (%d values)%n",
          r.model(), r.split(), r.radius(), r.mean(), MeanInterval.halfWidth(r.count(), r.sd(), 0.95), r.sd(), r.count());
    }
    if (result.paths() != null) {
      LiuMnistReproduction.PathSummary p = result.paths();
      System.out.printf(Locale.ROOT, "Table 5: regions along the segment between Hamming-nearest training images, %s (paper, S2, six pairs:%n", cfg.geometryModel());
      System.out.println("         d_H 98 132 184 232 282 320, regions 100 135 193 252 299 351); six of ours, spread over d_H:");
      result.table5().forEach(r -> System.out.printf(Locale.ROOT, "  %6d-%-6d |b-a| %6.3f  d_H %4d  regions %4d  Algorithm 2 %4s  multi-bit %d%n",
          r.a(), r.b(), r.euclidean(), r.hamming(), r.regions(), r.bisectionRegions(), r.multiBitCrossings()));
      System.out.printf(Locale.ROOT, "  all %d pairs, mean [95%% CI]: d_H %s, regions %s, regions - 1 - d_H %s%n", p.hamming().n(),
          p.hamming().format("%.1f"), p.regions().format("%.1f"), p.excess().format("%.2f"));
      System.out.printf(Locale.ROOT, "  regions = d_H + 1 on %.1f%% of pairs; Algorithm 2 finds every region on %.1f%%; %d multi-bit crossings%n",
          100 * p.shareAtBound(), 100 * p.shareBisectionExact(), p.multiBitCrossings());
    }
    if (!result.table6().isEmpty()) {
      System.out.printf(Locale.ROOT, "Table 6: Chebyshev radius, %s, mean [95%% CI] / sd / min / max (paper, S2, 1,000 points each:%n", cfg.geometryModel());
      System.out.println("         train 0.23 / 0.081 / 0.016 / 0.43, test 0.21 / 0.079 / 0.018 / 0.43, FGSM 0.13 / 0.092 / 0.0097? / 0.54)");
      for (LiuMnistReproduction.Table6Row r : result.table6()) {
        String radius = r.radius() == null ? "no bounded region"
            : String.format(Locale.ROOT, "%s / %.4f / %.4f / %.4f (%d)", r.radius().format("%.4f"), r.radius().sd(), r.radius().min(), r.radius().max(), r.radius().n());
        System.out.printf(Locale.ROOT, "  box %-7s %-6s %s, %d unbounded%n", r.box(), r.split(), radius, r.unbounded());
      }
    }
    if (!result.table2().isEmpty()) {
      System.out.printf(Locale.ROOT, "Table 2 (scaled: %d x w nets on %dx-pooled digits): facets of training regions, mean [95%% CI] / sd / min / max,%n",
          cfg.activeBits().layers(), cfg.activeBits().pool());
      System.out.println("         and seconds per region (paper, 5 x 300..500 on 784 pixels: 658.30 / 64.07 / 520 / 785 at w = 300 ... 975.00 / 124.29 / 719 / 1,181 at w = 500)");
      for (LiuMnistReproduction.Table2Row r : result.table2()) {
        System.out.printf(Locale.ROOT, "  w %4d  %5d rows  %s / %.1f / %.0f / %.0f (%.2f of rows)  %s s%n", r.width(), r.rows(), r.facets().format("%.1f"),
            r.facets().sd(), r.facets().min(), r.facets().max(), r.facets().mean() / r.rows(), r.seconds().format("%.2f"));
      }
    }
  }

  @Override
  String tables(LiuMnistConfig cfg, LiuMnistReproduction.Result result) {
    return "all tables under " + cfg.output();
  }
}
