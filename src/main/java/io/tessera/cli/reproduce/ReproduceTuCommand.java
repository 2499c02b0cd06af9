package io.tessera.cli.reproduce;

import io.tessera.cli.options.ConfigOptions;
import io.tessera.reproduce.TuFig5Config;
import io.tessera.reproduce.TuFig5Reproduction;
import io.tessera.run.SparkSessions;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tessera reproduce-tu --config conf/tu-fig5.yaml}: Tu et al. Fig. 5, diffusion likelihoods of seen and unseen shapes. */
@Command(name = "reproduce-tu", mixinStandardHelpOptions = true,
    description = "Reproduce Tu et al. Fig. 5: a DDPM trained on a Swiss roll scores held-out roll points and unseen shapes (eq. 23).")
public final class ReproduceTuCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    TuFig5Config cfg = options.load(TuFig5Config.class);
    long start = System.nanoTime();
    TuFig5Reproduction.Result result = TuFig5Reproduction.run(SparkSessions.getOrCreate(), cfg, System.out::println);
    System.out.println();
    System.out.printf(Locale.ROOT, "DDPM %s: eps mse at the end of training %.4f%n", result.model().modelId(),
        result.model().metrics().get("final_eps_mse"));
    System.out.println("Fig. 5: mean per-point log-likelihood estimate (choice " + cfg.variance() + ", " + cfg.rounds()
        + " rounds per point); paper: Swiss roll -0.933 (log10), the highest of the four shapes");
    System.out.println("  shape       h   points   mean (nats)   mean (log10)   mean sd over rounds (nats)");
    result.rows().forEach(r -> System.out.printf(Locale.ROOT, "  %-10s %3d %8d %13.3f %14.3f %16.3f%n",
        r.shape(), r.h(), r.points(), r.mean(), r.meanLog10(), r.meanRoundSd()));
    System.out.printf(Locale.ROOT, "total %.1f s; all tables under %s%n", (System.nanoTime() - start) / 1e9, cfg.output());
    return 0;
  }
}
