package io.tessera.run;

import io.tessera.config.JobConfig;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The contract of a job: its name (as {@code tessera run NAME} takes it), its config record, what
 * its counts count, the tables it writes (each with a DDL in data-schemas/ and a section in
 * docs/tables.md; the first is its main table), and its body, which reads the input, runs the
 * model on the executors and stages its tables. {@link #run} wraps the body in a {@link JobRun}:
 * staging, publishing on success and the runs record.
 */
public interface TesseraJob<C extends JobConfig> {
  String name();

  Class<C> configType();

  CountUnit countUnit();

  List<String> tables();

  JobRun.Counts execute(JobRun run, C config);

  default JobRun.Result run(SparkSession spark, C config) {
    return run(spark, config, false);
  }

  /** With {@code resume}, a stopped or failed run of the config's run_id goes on from its checkpoints. */
  default JobRun.Result run(SparkSession spark, C config, boolean resume) {
    JobRun.Description description =
        new JobRun.Description(name(), countUnit(), tables().get(0), config, config.input(), config.model(), config.runId(), config.output(), resume);
    return JobRun.execute(spark, description, run -> execute(run, config));
  }
}
