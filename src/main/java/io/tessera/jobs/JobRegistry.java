package io.tessera.jobs;

import io.tessera.ConfigException;
import io.tessera.config.ConfigLoader;
import io.tessera.config.JobConfig;
import io.tessera.jobs.diffusion.DiffusionLoglikJob;
import io.tessera.jobs.diffusion.DiffusionSampleJob;
import io.tessera.jobs.diffusion.LmdJob;
import io.tessera.jobs.latent.LatentGeometryJob;
import io.tessera.jobs.localmaps.ClusterMapsJob;
import io.tessera.jobs.localmaps.JacobiansJob;
import io.tessera.jobs.localmaps.MapTransferJob;
import io.tessera.jobs.patterns.AdversarialJob;
import io.tessera.jobs.patterns.HammingNeighboursJob;
import io.tessera.jobs.patterns.PatternsJob;
import io.tessera.jobs.patterns.PerturbationGridJob;
import io.tessera.jobs.polytopes.PolytopesJob;
import io.tessera.jobs.polytopes.RegionCensusJob;
import io.tessera.jobs.polytopes.RegionsJob;
import io.tessera.jobs.polytopes.SegmentCrossingsJob;
import io.tessera.jobs.topology.PersistenceJob;
import io.tessera.jobs.topology.SampleMetricsJob;
import io.tessera.run.JobRun;
import io.tessera.run.TesseraJob;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/**
 * Every job, once: {@code tessera run} and its --help, the pipeline's stages, the docs index test
 * and the schema tests all read this list, so a new job is its config record, its class and one
 * line here.
 */
public final class JobRegistry {
  private static final List<TesseraJob<?>> JOBS = List.of(
      new PatternsJob(), new AdversarialJob(), new HammingNeighboursJob(), new PerturbationGridJob(),
      new SegmentCrossingsJob(), new PolytopesJob(), new RegionsJob(), new RegionCensusJob(),
      new JacobiansJob(), new ClusterMapsJob(), new MapTransferJob(),
      new DiffusionLoglikJob(), new DiffusionSampleJob(), new LmdJob(), new LatentGeometryJob(), new PersistenceJob(), new SampleMetricsJob());
  private static final Map<String, TesseraJob<?>> BY_NAME = new TreeMap<>();

  static {
    JOBS.forEach(job -> BY_NAME.put(job.name(), job));
  }

  private JobRegistry() {}

  /** Every job, by name in alphabetical order. */
  public static Map<String, TesseraJob<?>> jobs() {
    return java.util.Collections.unmodifiableMap(BY_NAME);
  }

  /** The job called {@code name}; an unknown name is a config error that lists the known ones. */
  public static TesseraJob<?> get(String name) {
    TesseraJob<?> job = BY_NAME.get(name);
    if (job == null) {
      throw new ConfigException("unknown job '" + name + "'; known jobs: " + String.join(", ", BY_NAME.keySet()));
    }
    return job;
  }

  /** Runs the job whose config record {@code config} is. */
  public static JobRun.Result run(SparkSession spark, JobConfig config) {
    return run(spark, config, false);
  }

  /** Runs the job whose config record {@code config} is; with {@code resume}, from the checkpoints of a stopped attempt. */
  public static JobRun.Result run(SparkSession spark, JobConfig config, boolean resume) {
    for (TesseraJob<?> job : JOBS) {
      if (job.configType() == config.getClass()) {
        return runAs(job, spark, config, resume);
      }
    }
    throw new IllegalArgumentException("no registered job takes a " + config.getClass().getName());
  }

  /** Runs the job {@code name} with settings as its YAML config would hold them (snake_case keys). */
  public static JobRun.Result run(SparkSession spark, String name, Map<String, ?> settings, boolean resume) {
    TesseraJob<?> job = get(name);
    return runAs(job, spark, ConfigLoader.fromMap(settings, job.configType(), "the settings of job " + name), resume);
  }

  private static <C extends JobConfig> JobRun.Result runAs(TesseraJob<C> job, SparkSession spark, JobConfig config, boolean resume) {
    return job.run(spark, job.configType().cast(config), resume);
  }
}
