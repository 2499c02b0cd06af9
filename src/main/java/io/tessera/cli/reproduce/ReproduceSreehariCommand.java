package io.tessera.cli.reproduce;

import io.tessera.cli.options.ConfigOptions;
import io.tessera.reproduce.SreehariMnistConfig;
import io.tessera.reproduce.SreehariMnistReproduction;
import io.tessera.run.SparkSessions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tessera reproduce-sreehari --config conf/sreehari-mnist.yaml}: NIS and DIS of two networks on two training sets. */
@Command(name = "reproduce-sreehari", mixinStandardHelpOptions = true,
    description = "Reproduce Sreehari et al.'s MNIST experiment in reduced form: NIS and DIS of an MLP and a CNN trained on D_A and on"
        + " D_B (most 3s and 7s removed), from the curvature and code densities of a latent space built on their features.")
public final class ReproduceSreehariCommand implements Callable<Integer> {
  /** The paper's table: NIS, DIS. */
  private static final Map<String, String> PAPER = Map.of("N_A/D_A", "0.18  0.07", "N_A/D_B", "0.21  0.31", "N_B/D_A", "0.07  0.06",
      "N_B/D_B", "0.08  0.26");

  @Mixin ConfigOptions options;

  @Override
  public Integer call() {
    SreehariMnistConfig cfg = options.load(SreehariMnistConfig.class);
    long start = System.nanoTime();
    List<SreehariMnistReproduction.Case> cases = SreehariMnistReproduction.run(SparkSessions.getOrCreate(), cfg, System.out::println);
    System.out.println();
    System.out.println("seed  case       train   NIS     DIS     Lambda      regime  ell2     ESS     decoder mse  | paper NIS  DIS  | mass-like points: label (mass within a bandwidth)");
    for (var c : cases) {
      System.out.printf(Locale.ROOT, "%4d  %s/%s  %6d  %.4f  %.4f  %10.3e  %-6s  %7.2f  %7.0f  %.4f       | %s | %s%n", c.seed(), c.network(),
          c.data(), c.trainImages(), c.nis(), c.dis(), c.lambdaHat(), c.regime(), c.ell2(), c.ess(), c.decoderMse(),
          PAPER.get(c.network() + "/" + c.data()), c.massPoints());
    }
    if (cfg.seeds().size() > 1) {
      System.out.println();
      System.out.println("case       seeds  NIS mean +- sd    DIS mean +- sd    Lambda mean +- sd     | paper NIS  DIS");
      for (var r : SreehariMnistReproduction.repeats(cases)) {
        System.out.printf(Locale.ROOT, "%s/%s  %5d  %.4f +- %.4f  %.4f +- %.4f  %9.3e +- %.1e  | %s%n", r.network(), r.data(), r.seeds(),
            r.nisMean(), r.nisSd(), r.disMean(), r.disSd(), r.lambdaMean(), r.lambdaSd(), PAPER.get(r.network() + "/" + r.data()));
      }
    }
    System.out.printf(Locale.ROOT, "total %.1f s; tables under %s (latent_summary, run ids %s)%n", (System.nanoTime() - start) / 1e9,
        cfg.output(), cases.stream().map(SreehariMnistReproduction.Case::runId).toList());
    return 0;
  }
}
