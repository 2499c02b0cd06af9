package io.tessera.jobs.polytopes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.tessera.data.DatasetIO;
import io.tessera.run.BaseJob;
import io.tessera.run.CountUnit;
import io.tessera.run.JobRun;
import io.tessera.run.ModelOutputGuard;
import io.tessera.run.ModelRef;
import io.tessera.run.ValidatedInput;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The {@code polytopes} job (Liu et al. Tables 2, 6 and 7): for each measured sample, its linear
 * region's constraints, facets (active bits), Chebyshev ball and distance to the nearest facet,
 * written to {@code polytopes}, with a per-split summary in {@code polytope_summary}.
 */
public final class PolytopesJob extends BaseJob<PolytopesConfig> {
  public static final String NAME = "polytopes";
  public static final String TABLE = "polytopes";
  public static final String SUMMARY = "polytope_summary";

  public PolytopesJob() {
    super(NAME, PolytopesConfig.class, CountUnit.INPUT_ROW, TABLE, SUMMARY);
  }

  @Override
  public JobRun.Counts execute(JobRun run, PolytopesConfig cfg) {
    ModelRef model = ModelRef.of(run, cfg);
    var network = model.reluMlp();
    ValidatedInput.Rows input = ValidatedInput.load(run, cfg, network.inputDim(), cfg.quarantine(), 0);
    Dataset<Row> samples = input.valid();
    if (cfg.samplesPerSplit() > 0) {
      // A seeded hash of the id orders each split, so the choice does not depend on partitioning.
      samples = samples.withColumn("_rank", row_number().over(Window.partitionBy(DatasetIO.SPLIT)
              .orderBy(xxhash64(lit(cfg.seed()), col(DatasetIO.ID)), col(DatasetIO.ID))))
          .where(col("_rank").leq(cfg.samplesPerSplit())).drop("_rank");
    }
    // Each sample costs seconds of LPs on large nets: small checkpointed chunks spread them over all slots.
    double[] box = cfg.box() == null ? null : new double[] {cfg.box().get(0), cfg.box().get(1)};
    long taken = run.stageCheckpointed(TABLE, samples, new PolytopesPartition(model, box, cfg.maxSecondsPerSample(), cfg.facets()), cfg.partitions());
    long rowsOut = taken; // a row per chosen sample
    long timedOut = 0;
    if (cfg.maxSecondsPerSample() != null) {
      // A sample past the limit has no constraints: it goes to _rejects with the time it took.
      ModelOutputGuard.Checked checked = ModelOutputGuard.divert(run, TABLE, when(col("constraints").isNull(),
          format_string("time limit: %.3f s spent, max_seconds_per_sample is %s", col("seconds"), lit(cfg.maxSecondsPerSample()))),
          cfg.input());
      rowsOut = checked.rowsOut();
      timedOut = checked.rejectedSamples();
    }
    run.stage(SUMMARY, summary(run.staged(TABLE)).coalesce(1));
    // With samples_per_split the unchosen rows are not taken on: rows_in counts the chosen and the refused.
    return new JobRun.Counts(taken + input.rejected(), rowsOut, input.rejected() + timedOut);
  }

  static Dataset<Row> summary(Dataset<Row> perSample) {
    perSample.createOrReplaceTempView("polytope_rows");
    return perSample.sparkSession().sql("""
        SELECT split, count(*) AS samples, max(constraints) AS constraints,
               avg(num_active) AS mean_active, stddev_samp(num_active) AS sd_active,
               min(num_active) AS min_active, percentile(num_active, 0.5) AS median_active, max(num_active) AS max_active,
               avg(CASE WHEN chebyshev_radius < 'Infinity'::DOUBLE THEN chebyshev_radius END) AS mean_radius,
               count_if(chebyshev_radius = 'Infinity'::DOUBLE) AS unbounded_balls,
               avg(facet_distance) AS mean_facet_distance
        FROM polytope_rows
        GROUP BY split
        ORDER BY split""");
  }
}
