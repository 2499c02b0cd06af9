package io.tessera.cli;

import io.tessera.config.ConfigLoader;
import io.tessera.config.JobConfig;
import io.tessera.jobs.JobRegistry;
import io.tessera.run.JobRun;
import io.tessera.run.SparkSessions;
import io.tessera.run.TesseraJob;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tessera run <job> --config file.yaml [--set key=value ...]}: one job, embedded or under spark-submit. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run one job from a YAML config.")
final class RunCommand implements Callable<Integer> {
  /** Lets picocli list the jobs in --help. */
  static final class JobNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return JobRegistry.jobs().keySet().iterator();
    }
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "JOB", completionCandidates = JobNames.class, description = "The job: ${COMPLETION-CANDIDATES}.")
  String job;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML config of the job (see conf/): a local path or a Hadoop URI (hdfs://, s3a://).")
  String config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one config option; repeatable.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--resume", description = "Go on with the stopped or failed run of the config's run_id from its checkpoints:"
      + " chunks it finished are kept, the rest computed (polytopes, jacobians, lmd, diffusion-loglik).")
  boolean resume;

  @Override
  public Integer call() {
    TesseraJob<?> selected = JobRegistry.jobs().get(job);
    if (selected == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "unknown job '" + job + "'; known jobs: " + String.join(", ", JobRegistry.jobs().keySet()));
    }
    JobConfig settings = config == null
        ? ConfigLoader.fromOverrides(overrides, selected.configType())
        : ConfigLoader.load(config, overrides, selected.configType());
    JobRun.Result result = JobRegistry.run(SparkSessions.getOrCreate(), settings, resume);
    System.out.printf("run %s: %d rows in, %d rows out, %d rejected, %.1f s%n",
        result.runId(), result.counts().rowsIn(), result.counts().rowsOut(), result.counts().rowsRejected(), result.millis() / 1000.0);
    if (result.rowsResumed() > 0) {
      System.out.println("  resumed: " + result.rowsResumed() + " rows kept from the earlier attempt's checkpoints");
    }
    result.outputs().forEach(o -> System.out.println("  wrote " + o));
    return 0;
  }
}
