package io.tessera.jobs;

import io.tessera.config.AdversarialConfig;
import io.tessera.model.Network;
import io.tessera.tables.TableSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code adversarial} job: FGSM and PGD (L-infinity) examples for every sample, with clean and
 * adversarial predictions, written as a dataset table ({@code adversarial_examples}) that the
 * other jobs can take as input (Liu et al. Tables 3 and 4 use its FGSM split).
 */
public final class AdversarialJob {
  public static final String NAME = "adversarial";
  public static final String TABLE = "adversarial_examples";

  private AdversarialJob() {}

  public static JobRun.Result run(SparkSession spark, AdversarialConfig cfg) {
    JobRun.Description description = new JobRun.Description(NAME, cfg, cfg.input(), cfg.model(), cfg.runId(), cfg.output());
    return JobRun.execute(spark, description, run -> execute(run, cfg));
  }

  private static JobRun.Counts execute(JobRun run, AdversarialConfig cfg) {
    ModelRef model = ModelRef.of(run.spark(), cfg.model(), cfg.devicePolicy());
    Network network = model.network();
    ValidatedInput.Rows input = ValidatedInput.load(run, cfg.input(), cfg.splits(), network.inputDim(), cfg.quarantine(), cfg.partitions());
    Dataset<Row> examples = input.valid().mapPartitions(
        new AdversarialPartition(model, cfg.batchSize(), cfg.attacks(), cfg.epsilon(),
            cfg.pgdSteps(), cfg.pgdStepSize(), cfg.clipDomain()),
        Encoders.row(TableSchema.load(TABLE).dataSchema()));
    long rowsOut = run.stage(TABLE, examples);
    return new JobRun.Counts(input.rowsIn(), rowsOut, input.rejected());
  }
}
