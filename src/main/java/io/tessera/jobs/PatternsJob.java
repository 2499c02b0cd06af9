package io.tessera.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.tessera.TesseraException;
import io.tessera.config.PatternsConfig;
import io.tessera.data.DatasetIO;
import io.tessera.model.ModelCache;
import io.tessera.model.ReluMlpNetwork;
import io.tessera.tables.OutputRoot;
import io.tessera.tables.TableSchema;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code patterns} job: the activation pattern of every sample of a dataset under a ReLU MLP,
 * written to {@code activation_patterns}. Bad rows (wrong length, NaN/Inf) fail the run with the
 * first offending id, or go to {@code _rejects} when quarantine is on.
 */
public final class PatternsJob {
  public static final String NAME = "patterns";
  public static final String TABLE = "activation_patterns";
  private static final String REASON = "reason";

  private PatternsJob() {}

  public static JobRun.Result run(SparkSession spark, PatternsConfig cfg) {
    JobRun.Description description = new JobRun.Description(NAME, cfg, cfg.input(), cfg.model(), cfg.runId(), cfg.output());
    return JobRun.execute(spark, description, run -> execute(run, cfg));
  }

  private static JobRun.Counts execute(JobRun run, PatternsConfig cfg) {
    SparkSession spark = run.spark();
    HadoopConfSnapshot hadoopConf = HadoopConfSnapshot.of(spark);
    // Loading on the driver first turns a missing or corrupt model into one clear error, and in
    // embedded mode the executors share this very instance.
    ReluMlpNetwork network = PatternsPartition.reluMlp(
        ModelCache.get(cfg.model(), cfg.devicePolicy(), hadoopConf.toConfiguration()), cfg.model());

    Dataset<Row> input = DatasetIO.read(spark, cfg.input());
    if (cfg.splits() != null) {
      input = input.where(col(DatasetIO.SPLIT).isin(cfg.splits().toArray()));
    }
    long rowsIn = input.count();
    if (rowsIn == 0) {
      throw new TesseraException("input dataset " + cfg.input() + " is empty"
          + (cfg.splits() == null ? "" : " after selecting splits " + cfg.splits()));
    }
    Dataset<Row> checked = input.withColumn(REASON, DatasetIO.rejectReason(network.inputDim()));
    long rejected = 0;
    if (cfg.quarantine()) {
      Dataset<Row> rejects = checked.where(col(REASON).isNotNull())
          .select(col(DatasetIO.ID).as("sample_id"), col(DatasetIO.SPLIT), col(REASON), lit(cfg.input()).as("source"));
      rejected = run.stage(OutputRoot.REJECTS, rejects.coalesce(1));
    } else {
      List<Row> bad = checked.where(col(REASON).isNotNull()).select(DatasetIO.ID, REASON).limit(1).collectAsList();
      if (!bad.isEmpty()) {
        throw new TesseraException("input " + cfg.input() + ": sample id " + bad.get(0).get(0) + ": " + bad.get(0).getString(1)
            + " (set quarantine: true to divert bad rows to _rejects)");
      }
    }
    Dataset<Row> valid = checked.where(col(REASON).isNull())
        .select(DatasetIO.ID, DatasetIO.SPLIT, DatasetIO.LABEL, DatasetIO.FEATURES);
    if (cfg.partitions() > 0) {
      valid = valid.repartition(cfg.partitions());
    }
    Dataset<Row> patterns = valid.mapPartitions(
        new PatternsPartition(cfg.model(), cfg.devicePolicy(), hadoopConf, cfg.batchSize()),
        Encoders.row(TableSchema.load(TABLE).dataSchema()));
    long rowsOut = run.stage(TABLE, patterns);
    return new JobRun.Counts(rowsIn, rowsOut, rejected);
  }
}
