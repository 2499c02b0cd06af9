package io.tessera.cli;

import io.tessera.config.AdversarialConfig;
import io.tessera.config.ClusterMapsConfig;
import io.tessera.config.ConfigLoader;
import io.tessera.config.DiffusionLoglikConfig;
import io.tessera.config.HammingNeighboursConfig;
import io.tessera.config.JacobiansConfig;
import io.tessera.config.LatentGeometryConfig;
import io.tessera.config.LmdConfig;
import io.tessera.config.MapTransferConfig;
import io.tessera.config.PatternsConfig;
import io.tessera.config.PerturbationGridConfig;
import io.tessera.config.PolytopesConfig;
import io.tessera.config.RegionCensusConfig;
import io.tessera.config.RegionsConfig;
import io.tessera.config.SegmentCrossingsConfig;
import io.tessera.jobs.AdversarialJob;
import io.tessera.jobs.ClusterMapsJob;
import io.tessera.jobs.DiffusionLoglikJob;
import io.tessera.jobs.HammingNeighboursJob;
import io.tessera.jobs.JacobiansJob;
import io.tessera.jobs.JobRun;
import io.tessera.jobs.LatentGeometryJob;
import io.tessera.jobs.LmdJob;
import io.tessera.jobs.MapTransferJob;
import io.tessera.jobs.PatternsJob;
import io.tessera.jobs.PerturbationGridJob;
import io.tessera.jobs.PolytopesJob;
import io.tessera.jobs.RegionCensusJob;
import io.tessera.jobs.RegionsJob;
import io.tessera.jobs.SegmentCrossingsJob;
import io.tessera.jobs.SparkSessions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tessera run <job> --config file.yaml [--set key=value ...]}: one job, embedded or under spark-submit. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run one job from a YAML config.")
final class RunCommand implements Callable<Integer> {
  /** A job: how to read its config and how to run it. */
  private record Job<C>(Class<C> configType, BiFunction<SparkSession, C, JobRun.Result> runner) {
    JobRun.Result run(SparkSession spark, RunCommand command) {
      return runner.apply(spark, command.config(configType));
    }

    JobRun.Result run(SparkSession spark, List<String> overrides) {
      return runner.apply(spark, ConfigLoader.fromOverrides(overrides, configType));
    }
  }

  /** Runs a job from key=value settings alone (the pipeline's stages). */
  static JobRun.Result runJob(SparkSession spark, String job, List<String> overrides) {
    Job<?> selected = JOBS.get(job);
    if (selected == null) {
      throw new io.tessera.TesseraException("unknown job '" + job + "'; known jobs: " + String.join(", ", JOBS.keySet()));
    }
    return selected.run(spark, overrides);
  }

  private static final Map<String, Job<?>> JOBS = new TreeMap<>(Map.ofEntries(
      Map.entry(SegmentCrossingsJob.NAME, new Job<>(SegmentCrossingsConfig.class, SegmentCrossingsJob::run)),
      Map.entry(PatternsJob.NAME, new Job<>(PatternsConfig.class, PatternsJob::run)),
      Map.entry(AdversarialJob.NAME, new Job<>(AdversarialConfig.class, AdversarialJob::run)),
      Map.entry(HammingNeighboursJob.NAME, new Job<>(HammingNeighboursConfig.class, HammingNeighboursJob::run)),
      Map.entry(PerturbationGridJob.NAME, new Job<>(PerturbationGridConfig.class, PerturbationGridJob::run)),
      Map.entry(PolytopesJob.NAME, new Job<>(PolytopesConfig.class, PolytopesJob::run)),
      Map.entry(RegionsJob.NAME, new Job<>(RegionsConfig.class, RegionsJob::run)),
      Map.entry(RegionCensusJob.NAME, new Job<>(RegionCensusConfig.class, RegionCensusJob::run)),
      Map.entry(JacobiansJob.NAME, new Job<>(JacobiansConfig.class, JacobiansJob::run)),
      Map.entry(DiffusionLoglikJob.NAME, new Job<>(DiffusionLoglikConfig.class, DiffusionLoglikJob::run)),
      Map.entry(LmdJob.NAME, new Job<>(LmdConfig.class, LmdJob::run)),
      Map.entry(LatentGeometryJob.NAME, new Job<>(LatentGeometryConfig.class, LatentGeometryJob::run)),
      Map.entry(ClusterMapsJob.NAME, new Job<>(ClusterMapsConfig.class, ClusterMapsJob::run)),
      Map.entry(MapTransferJob.NAME, new Job<>(MapTransferConfig.class, MapTransferJob::run))));

  /** The config record of a job, for tests that check the shipped configs. */
  static Class<?> configType(String job) {
    return JOBS.get(job).configType();
  }

  /** Lets picocli list the jobs in --help. */
  static final class JobNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return JOBS.keySet().iterator();
    }
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "JOB", completionCandidates = JobNames.class, description = "The job: ${COMPLETION-CANDIDATES}.")
  String job;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML config of the job (see conf/).")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one config option; repeatable.")
  List<String> overrides = new ArrayList<>();

  private <C> C config(Class<C> type) {
    return config == null ? ConfigLoader.fromOverrides(overrides, type) : ConfigLoader.load(config, overrides, type);
  }

  @Override
  public Integer call() {
    Job<?> selected = JOBS.get(job);
    if (selected == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "unknown job '" + job + "'; known jobs: " + String.join(", ", JOBS.keySet()));
    }
    JobRun.Result result = selected.run(SparkSessions.getOrCreate(), this);
    System.out.printf("run %s: %d rows in, %d rows out, %d rejected, %.1f s%n",
        result.runId(), result.counts().rowsIn(), result.counts().rowsOut(), result.counts().rowsRejected(), result.millis() / 1000.0);
    result.outputs().forEach(o -> System.out.println("  wrote " + o));
    return 0;
  }
}
