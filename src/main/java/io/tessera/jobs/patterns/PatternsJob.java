package io.tessera.jobs.patterns;

import io.tessera.model.classifier.ReluMlpNetwork;
import io.tessera.run.BaseJob;
import io.tessera.run.CountUnit;
import io.tessera.run.JobRun;
import io.tessera.run.ModelRef;
import io.tessera.run.ValidatedInput;
import io.tessera.tables.TableSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code patterns} job: the activation pattern of every sample of a dataset under a ReLU MLP,
 * written to {@code activation_patterns}.
 */
public final class PatternsJob extends BaseJob<PatternsConfig> {
  public static final String NAME = "patterns";
  public static final String TABLE = "activation_patterns";

  public PatternsJob() {
    super(NAME, PatternsConfig.class, CountUnit.INPUT_ROW, TABLE);
  }

  @Override
  public JobRun.Counts execute(JobRun run, PatternsConfig cfg) {
    ModelRef model = ModelRef.of(run, cfg);
    // Loading on the driver first turns a missing or corrupt model into one clear error, and in
    // embedded mode the executors share this very instance.
    ReluMlpNetwork network = model.reluMlp();

    ValidatedInput.Rows input = ValidatedInput.load(run, cfg, network.inputDim());
    Dataset<Row> patterns = input.valid().mapPartitions(
        new PatternsPartition(model, cfg.batchSize()),
        TableSchema.rowEncoder(TABLE));
    long rowsOut = run.stage(TABLE, patterns);
    return new JobRun.Counts(input.rowsIn(), rowsOut, input.rejected());
  }
}
