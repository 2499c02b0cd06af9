package io.tessera.jobs.patterns;

import io.tessera.model.Network;
import io.tessera.run.BaseJob;
import io.tessera.run.CountUnit;
import io.tessera.run.JobRun;
import io.tessera.run.ModelRef;
import io.tessera.run.ValidatedInput;
import io.tessera.tables.TableSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code adversarial} job: FGSM and PGD (L-infinity) examples for every sample, with clean and
 * adversarial predictions, written as a dataset table ({@code adversarial_examples}) that the
 * other jobs can take as input (Liu et al. Tables 3 and 4 use its FGSM split).
 */
public final class AdversarialJob extends BaseJob<AdversarialConfig> {
  public static final String NAME = "adversarial";
  public static final String TABLE = "adversarial_examples";

  public AdversarialJob() {
    super(NAME, AdversarialConfig.class, CountUnit.INPUT_ROW, TABLE);
  }

  @Override
  public JobRun.Counts execute(JobRun run, AdversarialConfig cfg) {
    ModelRef model = ModelRef.of(run, cfg);
    Network network = model.network();
    ValidatedInput.Rows input = ValidatedInput.load(run, cfg, network.inputDim());
    Dataset<Row> examples = input.valid().mapPartitions(
        new AdversarialPartition(model, cfg.batchSize(), cfg.attacks(), cfg.epsilon(),
            cfg.pgdSteps(), cfg.pgdStepSize(), cfg.clipDomain()),
        TableSchema.rowEncoder(TABLE));
    long rowsOut = run.stage(TABLE, examples);
    return new JobRun.Counts(input.rowsIn(), rowsOut / cfg.attacks().size(), input.rejected()); // a row per attack
  }
}
