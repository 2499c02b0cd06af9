package io.tessera.cli;

import io.tessera.config.ConfigLoader;
import io.tessera.config.PatternsConfig;
import io.tessera.jobs.JobRun;
import io.tessera.jobs.PatternsJob;
import io.tessera.jobs.SparkSessions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tessera run <job> --config file.yaml [--set key=value ...]}: one job, embedded or under spark-submit. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run one job from a YAML config.")
final class RunCommand implements Callable<Integer> {
  enum Job {
    patterns
  }

  @Parameters(index = "0", paramLabel = "JOB", description = "The job: ${COMPLETION-CANDIDATES}.")
  Job job;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML config of the job (see conf/).")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one config option; repeatable.")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() {
    PatternsConfig cfg = config == null
        ? ConfigLoader.fromOverrides(overrides, PatternsConfig.class)
        : ConfigLoader.load(config, overrides, PatternsConfig.class);
    JobRun.Result result = PatternsJob.run(SparkSessions.getOrCreate(), cfg);
    System.out.printf("run %s: %d rows in, %d rows out, %d rejected, %.1f s%n",
        result.runId(), result.counts().rowsIn(), result.counts().rowsOut(), result.counts().rowsRejected(), result.millis() / 1000.0);
    result.outputs().forEach(o -> System.out.println("  wrote " + o));
    return 0;
  }
}
