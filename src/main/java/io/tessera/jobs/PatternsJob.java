package io.tessera.jobs;

import io.tessera.config.PatternsConfig;
import io.tessera.model.ReluMlpNetwork;
import io.tessera.tables.TableSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code patterns} job: the activation pattern of every sample of a dataset under a ReLU MLP,
 * written to {@code activation_patterns}.
 */
public final class PatternsJob {
  public static final String NAME = "patterns";
  public static final String TABLE = "activation_patterns";

  private PatternsJob() {}

  public static JobRun.Result run(SparkSession spark, PatternsConfig cfg) {
    JobRun.Description description = new JobRun.Description(NAME, cfg, cfg.input(), cfg.model(), cfg.runId(), cfg.output());
    return JobRun.execute(spark, description, run -> execute(run, cfg));
  }

  private static JobRun.Counts execute(JobRun run, PatternsConfig cfg) {
    SparkSession spark = run.spark();
    ModelRef model = ModelRef.of(spark, cfg.model(), cfg.devicePolicy());
    // Loading on the driver first turns a missing or corrupt model into one clear error, and in
    // embedded mode the executors share this very instance.
    ReluMlpNetwork network = model.reluMlp();

    ValidatedInput.Rows input = ValidatedInput.load(run, cfg.input(), cfg.splits(), network.inputDim(), cfg.quarantine(), cfg.partitions());
    Dataset<Row> patterns = input.valid().mapPartitions(
        new PatternsPartition(model, cfg.batchSize()),
        Encoders.row(TableSchema.load(TABLE).dataSchema()));
    long rowsOut = run.stage(TABLE, patterns);
    return new JobRun.Counts(input.rowsIn(), rowsOut, input.rejected());
  }
}
