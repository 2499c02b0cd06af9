package io.tessera.cli.reproduce;

import io.tessera.reproduce.SreehariMnistConfig;
import io.tessera.reproduce.SreehariMnistReproduction;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code tessera reproduce-sreehari --config conf/sreehari-mnist.yaml}: NIS and DIS of two networks on two training sets. */
@Command(name = "reproduce-sreehari", mixinStandardHelpOptions = true,
    description = "Reproduce Sreehari et al.'s MNIST experiment in reduced form: NIS and DIS of an MLP and a CNN trained on D_A and on"
        + " D_B (most 3s and 7s removed), from the curvature and code densities of a latent space built on their features.")
public final class ReproduceSreehariCommand extends ReproductionCommand<SreehariMnistConfig, List<SreehariMnistReproduction.Case>> {
  /** The paper's table: NIS, DIS. */
  private static final Map<String, String> PAPER = Map.of("N_A/D_A", "0.18  0.07", "N_A/D_B", "0.21  0.31", "N_B/D_A", "0.07  0.06",
      "N_B/D_B", "0.08  0.26");

  public ReproduceSreehariCommand() {
    super(SreehariMnistConfig.class, SreehariMnistReproduction::run);
  }

  @Override
  void print(SreehariMnistConfig cfg, List<SreehariMnistReproduction.Case> cases) {
    System.out.println("seed  case       train   NIS +- bootstrap se  DIS +- se          Lambda +- se           regime  ell2     ESS     decoder mse  | paper NIS  DIS  | mass-like points: label (mass within a bandwidth)");
    for (var c : cases) {
      System.out.printf(Locale.ROOT, "%4d  %s/%s  %6d  %.4f +- %.4f     %.4f +- %.4f  %10.3e +- %.1e  %-6s  %7.2f  %7.0f  %.4f       | %s | %s%n", c.seed(), c.network(),
          c.data(), c.trainImages(), c.nis(), c.nisSe(), c.dis(), c.disSe(), c.lambdaHat(), c.lambdaHatSe(), c.regime(), c.ell2(), c.ess(), c.decoderMse(),
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
  }

  @Override
  String tables(SreehariMnistConfig cfg, List<SreehariMnistReproduction.Case> cases) {
    return "tables under " + cfg.output() + " (latent_summary, run ids "
        + cases.stream().map(SreehariMnistReproduction.Case::runId).toList() + ")";
  }
}
