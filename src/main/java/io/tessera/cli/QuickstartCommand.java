package io.tessera.cli;

import io.tessera.model.DevicePolicy;
import io.tessera.reproduce.Quickstart;
import io.tessera.run.SparkSessions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tessera quickstart}: the toy example end to end, in embedded Spark. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
    description = "Generate the toy dataset, train a 2x10 ReLU MLP, and run patterns on the data and on a grid.")
final class QuickstartCommand implements Callable<Integer> {
  @Option(names = "--out", defaultValue = "tessera-out", description = "Output root. Default: ${DEFAULT-VALUE}.")
  String out;

  @Option(names = "--samples", defaultValue = "10000", description = "Toy dataset size. Default: ${DEFAULT-VALUE}.")
  int samples;

  @Option(names = "--grid", defaultValue = "1000", description = "Grid points per axis. Default: ${DEFAULT-VALUE}.")
  int grid;

  @Option(names = "--epochs", defaultValue = "60", description = "Training epochs. Default: ${DEFAULT-VALUE}.")
  int epochs;

  @Option(names = "--seed", defaultValue = "7", description = "Seed for data and training. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}.")
  String device;

  @Override
  public Integer call() {
    Quickstart.Settings settings = new Quickstart.Settings(out, samples, grid, epochs, seed, DevicePolicy.parse(device), 4096);
    long start = System.nanoTime();
    Quickstart.Summary summary = Quickstart.run(SparkSessions.getOrCreate(), settings, System.out::println);
    System.out.println();
    System.out.println("Tessera quickstart summary");
    System.out.printf("  model     %s  (train MSE %.5f, test MSE %.5f)%n", summary.modelPath(),
        summary.model().training().metrics().get("train_mse"), summary.model().training().metrics().getOrDefault("test_mse", Double.NaN));
    for (Quickstart.PatternsSummary p : summary.patterns()) {
      System.out.printf("  patterns  %-40s %,10d samples  %,6d distinct patterns  run %s%n", p.input(), p.samples(), p.distinctPatterns(), p.runId());
      System.out.printf("            -> %s%n", p.output());
    }
    System.out.println("  wall time per stage");
    summary.stages().forEach(s -> System.out.printf("    %-60s %7.1f s%n", s.name(), s.millis() / 1000.0));
    System.out.printf("    %-60s %7.1f s%n", "total", (System.nanoTime() - start) / 1e9);
    System.out.printf("  explore:  bin/tessera sql --root %s \"SELECT run_id, count(*), count(DISTINCT pattern_hash) FROM activation_patterns GROUP BY run_id\"%n", out);
    return 0;
  }
}
