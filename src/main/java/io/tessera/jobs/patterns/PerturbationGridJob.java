package io.tessera.jobs.patterns;

import io.tessera.model.classifier.ReluMlpNetwork;
import io.tessera.math.PerturbationNoise;
import io.tessera.run.BaseJob;
import io.tessera.run.CountUnit;
import io.tessera.run.JobRun;
import io.tessera.run.ModelRef;
import io.tessera.run.ValidatedInput;
import io.tessera.tables.TableSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code perturbation-grid} job (Liu et al. Table 4): how far the activation pattern moves,
 * in Hamming distance, when a sample is pushed a distance r in a random direction. Writes one row
 * per (sample, radius) and a summary per (split, radius).
 */
public final class PerturbationGridJob extends BaseJob<PerturbationGridConfig> {
  public static final String NAME = "perturbation-grid";
  public static final String TABLE = "perturbation_hamming";
  public static final String SUMMARY = "perturbation_summary";

  public PerturbationGridJob() {
    super(NAME, PerturbationGridConfig.class, CountUnit.INPUT_ROW, TABLE, SUMMARY);
  }

  @Override
  public JobRun.Counts execute(JobRun run, PerturbationGridConfig cfg) {
    ModelRef model = ModelRef.of(run, cfg);
    ReluMlpNetwork network = model.reluMlp();
    ValidatedInput.Rows input = ValidatedInput.load(run, cfg, network.inputDim());
    double[] radii = cfg.radii().stream().mapToDouble(Double::doubleValue).toArray();
    Dataset<Row> rows = input.valid().mapPartitions(
        new PerturbationPartition(model, cfg.batchSize(), radii, cfg.directions(), cfg.seed(), PerturbationNoise.parse(cfg.noise()),
            cfg.clip() == null ? null : new double[] {cfg.clip().get(0), cfg.clip().get(1)}),
        TableSchema.rowEncoder(TABLE));
    long rowsOut = run.stage(TABLE, rows);
    run.stage(SUMMARY, summary(run.staged(TABLE)).coalesce(1));
    return new JobRun.Counts(input.rowsIn(), rowsOut / radii.length, input.rejected());
  }

  /**
   * Mean and sd from exact integer sums, exact percentiles: every figure is a function of the
   * multiset of distances alone, hence independent of partitioning and row order.
   */
  static Dataset<Row> summary(Dataset<Row> perSample) {
    perSample.createOrReplaceTempView("perturbation_rows");
    return perSample.sparkSession().sql("""
        SELECT split, radius, samples, count,
               CAST(total AS DOUBLE) / count AS mean,
               CASE WHEN count > 1
                    THEN sqrt(greatest(CAST(squares AS DOUBLE) - CAST(total AS DOUBLE) * total / count, 0D) / (count - 1))
               END AS sd,
               min, q[0] AS q25, q[1] AS median, q[2] AS q75, max
        FROM (
          SELECT split, radius, count(DISTINCT sample_id) AS samples, count(h) AS count,
                 sum(CAST(h AS BIGINT)) AS total, sum(CAST(h AS BIGINT) * h) AS squares,
                 min(h) AS min, max(h) AS max, percentile(h, array(0.25, 0.5, 0.75)) AS q
          FROM perturbation_rows LATERAL VIEW explode(hamming) AS h
          GROUP BY split, radius)
        ORDER BY split, radius""");
  }
}
