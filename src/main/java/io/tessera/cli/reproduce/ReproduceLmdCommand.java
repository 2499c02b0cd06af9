package io.tessera.cli.reproduce;

import io.tessera.reproduce.LmdMnistConfig;
import io.tessera.reproduce.LmdMnistReproduction;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code tessera reproduce-lmd --config conf/lmd-mnist.yaml}: LMD out-of-distribution AUCs on MNIST, in reduced form. */
@Command(name = "reproduce-lmd", mixinStandardHelpOptions = true,
    description = "Reproduce LMD's MNIST protocol in reduced form: a U-Net DDPM on some digits scores other digits and synthetic shapes.")
public final class ReproduceLmdCommand extends ReproductionCommand<LmdMnistConfig, LmdMnistReproduction.Result> {
  /** LMD's Tables 3 and 4, in-domain MNIST: out-of-domain KMNIST and FashionMNIST, per lift and distance (LPIPS for deep). */
  private static final Map<String, String> PAPER = Map.of(
      "inpaint/mse", "0.998 / 0.995", "inpaint/ssim", "0.997 / 0.999", "inpaint/deep", "0.984 / 0.999 (LPIPS)",
      "diffuse-denoise/deep", "0.993 / 0.998 (LPIPS, t = 500)");

  public ReproduceLmdCommand() {
    super(LmdMnistConfig.class, LmdMnistReproduction::run);
  }

  @Override
  void print(LmdMnistConfig cfg, LmdMnistReproduction.Result result) {
    System.out.printf(Locale.ROOT, "DDPM %s: eps mse at the end of training %.4f; classifier %s: %s; autoencoder %s (no labels): %s%n",
        result.ddpm().modelId(), result.ddpm().training().metrics().get("final_eps_mse"), result.classifier().modelId(),
        result.classifier().training().metrics(), result.autoencoder().modelId(), result.autoencoder().training().metrics());
    System.out.println("ROC-AUC against in-domain " + result.inSplit() + " (out-of-domain positive). The paper's column is LMD's"
        + " in-domain MNIST against KMNIST / FashionMNIST, sets not available here: given once per lift and distance, it matches none"
        + " of the rows beside it");
    System.out.println("  lift             distance  out-of-domain           in  out    AUC [DeLong 95%]      paper");
    java.util.Set<String> shown = new java.util.HashSet<>();
    result.rows().forEach(r -> {
      String key = r.lift() + "/" + r.distance();
      System.out.printf(Locale.ROOT, "  %-16s %-8s  %-21s %4d %4d  %.3f [%.3f, %.3f]  %s%n", r.lift(), r.distance(), r.outOfDomain(),
          r.inSamples(), r.outSamples(), r.auc(), r.low(), r.high(), shown.add(key) ? PAPER.getOrDefault(key, "-") : "");
    });
  }

  @Override
  String tables(LmdMnistConfig cfg, LmdMnistReproduction.Result result) {
    return "all tables under " + cfg.output();
  }
}
