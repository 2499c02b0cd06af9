package io.tessera.cli.reproduce;

import io.tessera.cli.options.ConfigOptions;
import io.tessera.run.SparkSessions;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;

/**
 * A {@code reproduce-*} command: load the YAML config, run the reproduction with its progress on
 * stdout, then print our figures beside the paper's and the total time.
 *
 * @param <C> the reproduction's config
 * @param <R> what the reproduction returns
 */
abstract class ReproductionCommand<C, R> implements Callable<Integer> {
  /** A reproduction's entry point, e.g. {@code LiuMnistReproduction::run}. */
  interface Reproduction<C, R> {
    R run(SparkSession spark, C cfg, Consumer<String> progress);
  }

  @Mixin ConfigOptions options;

  private final Class<C> configType;
  private final Reproduction<C, R> reproduction;

  ReproductionCommand(Class<C> configType, Reproduction<C, R> reproduction) {
    this.configType = configType;
    this.reproduction = reproduction;
  }

  /** Our figures, with the paper's beside them. */
  abstract void print(C cfg, R result);

  /** The closing line's account of where the tables went. */
  abstract String tables(C cfg, R result);

  @Override
  public final Integer call() {
    C cfg = options.load(configType);
    long start = System.nanoTime();
    R result = reproduction.run(SparkSessions.getOrCreate(), cfg, System.out::println);
    System.out.println();
    print(cfg, result);
    System.out.printf(Locale.ROOT, "total %.1f s; %s%n", (System.nanoTime() - start) / 1e9, tables(cfg, result));
    return 0;
  }
}
