package io.tessera.jobs.diffusion;

import io.tessera.config.ConfigChecks;
import io.tessera.model.diffusion.DiffusionModel;
import io.tessera.run.BaseJob;
import io.tessera.run.CountUnit;
import io.tessera.run.JobRun;
import io.tessera.run.ModelOutputGuard;
import io.tessera.run.ModelRef;
import io.tessera.run.ValidatedInput;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code diffusion-loglik} job (Tu et al. eq. 23): per sample and step size h, R independent
 * forward chains scored by a Tessera-trained DDPM, with their mean and sd in
 * {@code diffusion_loglik} and a summary per dataset, split and h.
 */
public final class DiffusionLoglikJob extends BaseJob<DiffusionLoglikConfig> {
  public static final String NAME = "diffusion-loglik";
  public static final String TABLE = "diffusion_loglik";
  public static final String SUMMARY = "diffusion_loglik_summary";

  public DiffusionLoglikJob() {
    super(NAME, DiffusionLoglikConfig.class, CountUnit.INPUT_ROW, TABLE, SUMMARY);
  }

  @Override
  public JobRun.Counts execute(JobRun run, DiffusionLoglikConfig cfg) {
    ModelRef model = ModelRef.of(run, cfg);
    DiffusionModel ddpm = model.diffusion();
    for (int h : cfg.stepSizes()) {
      ConfigChecks.setting(() -> ddpm.schedule().uniformGrid(h)); // refuses h > T before any work
    }
    for (List<Integer> grid : cfg.grids()) {
      ConfigChecks.setting(() -> ddpm.schedule().checkGrid(grid.stream().mapToInt(Integer::intValue).toArray()));
    }
    ChainBudget.require(cfg.batchSize(), cfg.rounds(), ddpm.dataDim(), "rounds");
    // No repartitioning here: the checkpointed stage splits the rows into its own chunks.
    ValidatedInput.Rows input = ValidatedInput.load(run, cfg, ddpm.dataDim(), cfg.quarantine(), 0);
    long estimates = run.stageCheckpointed(TABLE, input.valid(), new DiffusionLoglikPartition(model, cfg), cfg.partitions());
    ModelOutputGuard.Checked checked = ModelOutputGuard.check(run, TABLE, estimates, cfg.input(), cfg.quarantine(), "mean");
    run.stage(SUMMARY, summary(run.staged(TABLE)).coalesce(1));
    return new JobRun.Counts(input.rowsIn(), checked.rowsOut() / (cfg.stepSizes().size() + cfg.grids().size()),
        input.rejected() + checked.rejectedSamples());
  }

  static Dataset<Row> summary(Dataset<Row> perSample) {
    perSample.createOrReplaceTempView("diffusion_loglik_rows");
    return perSample.sparkSession().sql("""
        SELECT dataset, split, h, grid, count(*) AS samples, avg(mean) AS mean, avg(mean) / ln(10) AS mean_log10,
               stddev_samp(mean) AS sd_of_means, avg(sd) AS mean_round_sd,
               min(mean) AS min, percentile(mean, 0.5) AS median, max(mean) AS max
        FROM diffusion_loglik_rows
        GROUP BY dataset, split, h, grid
        ORDER BY dataset, split, h, grid""");
  }
}
