package io.tessera.cli.reproduce;

import io.tessera.reproduce.topology.JinTopologyConfig;
import io.tessera.reproduce.topology.JinTopologyReproduction;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code tessera reproduce-jin --config conf/jin-topology.yaml}: Jin et al.'s data-topology experiment on point clouds. */
@Command(name = "reproduce-jin", mixinStandardHelpOptions = true,
    description = "Reproduce Jin et al.'s data-topology experiment on point clouds of known topology: a DDPM per manifold against fresh"
        + " ground truth, by W2 (t-tested), FD, density and coverage, diagrams and the topology-recovery rate.")
public final class ReproduceJinCommand extends ReproductionCommand<JinTopologyConfig, List<JinTopologyReproduction.ManifoldResult>> {
  public ReproduceJinCommand() {
    super(JinTopologyConfig.class, JinTopologyReproduction::run);
  }

  @Override
  void print(JinTopologyConfig cfg, List<JinTopologyReproduction.ManifoldResult> results) {
    System.out.println("Jin et al., point-cloud protocol: " + cfg.repeats() + " repeats, " + cfg.sampleSize() + " points per side;"
        + " paper (torus images, W2): ground truth 2.01 (sd 0.15), DDPM 2.65 (sd 0.19)");
    for (JinTopologyReproduction.ManifoldResult m : results) {
      System.out.printf(Locale.ROOT, "%n%s: Betti %s at eps = %.2f; ground truth shows it in %.0f%% of %d repeats%n", m.kind(),
          Arrays.toString(m.betti()), m.scale(), 100 * m.truthRecovery(), cfg.repeats());
      for (JinTopologyReproduction.ModelResult model : m.models()) {
        System.out.printf(Locale.ROOT, "  %s (eps mse at the end of training %.4f)%n", model.name(),
            model.card().training().metrics().get("final_eps_mse"));
        System.out.println("    metric           ground truth (mean [95% CI])       model (mean [95% CI])              p (pooled t)");
        for (JinTopologyReproduction.Metric metric : model.metrics()) {
          System.out.printf(Locale.ROOT, "    %-15s %-34s %-34s %s%n", metric.name(), interval(metric.truth()), interval(metric.model()),
              metric.p() == null ? "n/a" : String.format(Locale.ROOT, "%.2g", metric.p()));
        }
        System.out.printf(Locale.ROOT, "    topology recovered in %.0f%% of %d repeats%n", 100 * model.recovery(), cfg.repeats());
        System.out.printf(Locale.ROOT, "    residual %s on its samples: %s (0 on the manifold)%n", m.residualFormula(), interval(model.residual()));
      }
    }
  }

  private static String interval(JinTopologyReproduction.Estimate m) {
    return String.format(Locale.ROOT, "%.4g [%.4g, %.4g]", m.mean(), m.low(), m.high());
  }

  @Override
  String tables(JinTopologyConfig cfg, List<JinTopologyReproduction.ManifoldResult> results) {
    return "runs jin-<manifold>-ddpm-<iterations>-samples, jin-<manifold>-metrics and jin-<manifold>-persistence under " + cfg.output();
  }
}
