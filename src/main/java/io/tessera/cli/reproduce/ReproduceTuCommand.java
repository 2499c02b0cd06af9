package io.tessera.cli.reproduce;

import io.tessera.reproduce.TuFig5Config;
import io.tessera.reproduce.TuFig5Reproduction;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code tessera reproduce-tu --config conf/tu-fig5.yaml}: Tu et al. Fig. 5, diffusion likelihoods of seen and unseen shapes. */
@Command(name = "reproduce-tu", mixinStandardHelpOptions = true,
    description = "Reproduce Tu et al. Fig. 5: a DDPM trained on a Swiss roll scores held-out roll points and unseen shapes (eq. 23).")
public final class ReproduceTuCommand extends ReproductionCommand<TuFig5Config, TuFig5Reproduction.Result> {
  public ReproduceTuCommand() {
    super(TuFig5Config.class, TuFig5Reproduction::run);
  }

  @Override
  void print(TuFig5Config cfg, TuFig5Reproduction.Result result) {
    System.out.printf(Locale.ROOT, "DDPM %s: eps mse at the end of training %.4f%n", result.model().modelId(),
        result.model().training().metrics().get("final_eps_mse"));
    System.out.println("Fig. 5: mean per-point log-likelihood estimate (choice " + cfg.variance() + ", " + cfg.rounds()
        + " rounds per point); paper: Swiss roll -0.933 (log10), the highest of the four shapes");
    System.out.println("  shape       h   points   mean (nats)   mean (log10)   mean sd over rounds (nats)");
    result.rows().forEach(r -> System.out.printf(Locale.ROOT, "  %-10s %3d %8d %13.3f %14.3f %16.3f%n",
        r.shape(), r.h(), r.points(), r.mean(), r.meanLog10(), r.meanRoundSd()));
  }

  @Override
  String tables(TuFig5Config cfg, TuFig5Reproduction.Result result) {
    return "all tables under " + cfg.output();
  }
}
