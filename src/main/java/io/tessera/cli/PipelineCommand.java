package io.tessera.cli;

import io.tessera.cli.options.ConfigOptions;
import io.tessera.pipeline.Pipeline;
import io.tessera.pipeline.PipelineConfig;
import io.tessera.run.SparkSessions;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tessera pipeline --config conf/audit.yaml [--from STAGE | --only STAGE] [--resume]}: see {@link Pipeline}. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = "Run a named sequence of stages: data, train, patterns, adversarial, hamming-neighbours, perturbation-grid, polytopes, report.")
final class PipelineCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--from", paramLabel = "STAGE", description = "Start at this stage (its earlier stages' outputs must exist).")
  String from;

  @Option(names = "--only", paramLabel = "STAGE", description = "Run this stage alone.")
  String only;

  @Option(names = "--resume", description = "Skip stages that succeeded before with the same settings and unchanged data and model files;"
      + " a job stage stopped part-way goes on from its checkpoints.")
  boolean resume;

  @Override
  public Integer call() throws IOException {
    PipelineConfig cfg = options.load(PipelineConfig.class);
    Pipeline.run(SparkSessions.getOrCreate(), cfg, Pipeline.selected(cfg, from, only), resume);
    return 0;
  }
}
