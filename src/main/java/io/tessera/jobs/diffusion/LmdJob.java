package io.tessera.jobs.diffusion;

import io.tessera.TesseraException;
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
import org.apache.spark.sql.SparkSession;

/**
 * The {@code lmd} job (Liu, Zhou and Weinberger, Algorithm 1;
 * docs/methods/diffusion-likelihood-and-lmd.md, LMD: lift, map, detect): each image is lifted r
 * times by a DDPM, inpainted under alternating checkerboard masks or diffused to a step t0 and
 * denoised, and its score is the median distance to those lifts (MSE, 1 - SSIM, the distance of
 * a Tessera-trained classifier's features, or of an autoencoder's codes, which needs no labels), in {@code ood_scores}; {@code ood_summary} has the
 * ROC-AUC of every split against a configured in-distribution split.
 */
public final class LmdJob extends BaseJob<LmdConfig> {
  public static final String NAME = "lmd";
  public static final String TABLE = "ood_scores";
  public static final String SUMMARY = "ood_summary";

  public LmdJob() {
    super(NAME, LmdConfig.class, CountUnit.INPUT_ROW, TABLE, SUMMARY);
  }

  @Override
  public JobRun.Counts execute(JobRun run, LmdConfig cfg) {
    ModelRef model = ModelRef.of(run, cfg);
    DiffusionModel ddpm = model.diffusion();
    int side = side(ddpm.dataDim());
    if (cfg.grid() > side) {
      throw new TesseraException("grid " + cfg.grid() + " has more patches per side than the " + side + "-pixel images");
    }
    if (cfg.distances().contains("ssim") && side < 11) {
      throw new TesseraException("SSIM's 11x11 window needs images of side >= 11; these are " + side + "x" + side + ": use distances [mse]");
    }
    int steps = ddpm.schedule().steps();
    LmdLift lift = LmdLift.of(cfg, steps);
    if (lift.liftStep() > steps) {
      throw new TesseraException("lift_step " + lift.liftStep() + " is beyond the model's T = " + steps);
    }
    ConfigChecks.setting(() -> ddpm.schedule().uniformGrid(cfg.stepSize())); // refuses h > T before any work
    ChainBudget.require(cfg.batchSize(), cfg.attempts(), ddpm.dataDim(), "attempts");
    ModelRef features = null;
    if (cfg.featureModel() != null) {
      features = ModelRef.of(run.spark(), cfg.featureModel(), cfg.devicePolicy());
      requireInput("feature_model", cfg.featureModel(), features.features().inputDim(), ddpm.dataDim());
    }
    ModelRef codes = null;
    if (cfg.codeModel() != null) {
      codes = ModelRef.of(run.spark(), cfg.codeModel(), cfg.devicePolicy());
      io.tessera.model.autoencoder.Autoencoder autoencoder = codes.latent(null).autoencoder();
      if (autoencoder == null) {
        throw new TesseraException("code_model " + cfg.codeModel() + " is a decoder without an encoder; code needs a whole autoencoder"
            + " from tessera train-autoencoder");
      }
      requireInput("code_model", cfg.codeModel(), autoencoder.card().inputDim(), ddpm.dataDim());
    }
    // No repartitioning here: the checkpointed stage splits the rows into its own chunks.
    ValidatedInput.Rows input = ValidatedInput.load(run, cfg, ddpm.dataDim(), cfg.quarantine(), 0);
    long scores = run.stageCheckpointed(TABLE, input.valid(), new LmdPartition(model, features, codes, cfg, lift), cfg.partitions());
    ModelOutputGuard.Checked checked = ModelOutputGuard.check(run, TABLE, scores, cfg.input(), cfg.quarantine(), "score");
    run.stage(SUMMARY, summary(run.staged(TABLE), cfg.inDistributionSplit()).coalesce(1));
    return new JobRun.Counts(input.rowsIn(), checked.rowsOut() / cfg.distances().size(), input.rejected() + checked.rejectedSamples());
  }

  private static void requireInput(String key, String uri, int takes, int dim) {
    if (takes != dim) {
      throw new TesseraException(key + " " + uri + " takes " + takes + " values but the images have " + dim);
    }
  }

  /** The side of square images of {@code dim} pixels. */
  static int side(int dim) {
    int side = (int) Math.round(Math.sqrt(dim));
    if (side * side != dim) {
      throw new TesseraException("LMD needs square single-channel images, but the model takes " + dim + " values");
    }
    return side;
  }

  /**
   * Per split and distance against the in-distribution split: sample counts, median scores and the
   * AUC, the Mann-Whitney statistic from average ranks over the two splits pooled (ties count 1/2).
   * Without an in-distribution split, one row per split and distance with the in_* columns NULL.
   */
  static Dataset<Row> summary(Dataset<Row> scores, String inDistribution) {
    scores.createOrReplaceTempView("ood_rows");
    SparkSession spark = scores.sparkSession();
    if (inDistribution == null) {
      return spark.sql("""
          SELECT CAST(NULL AS STRING) AS in_domain, split AS out_of_domain, distance, CAST(NULL AS BIGINT) AS in_samples,
                 count(*) AS out_samples, CAST(NULL AS DOUBLE) AS in_median_score, percentile(score, 0.5) AS out_median_score,
                 CAST(NULL AS DOUBLE) AS auc, CAST(NULL AS DOUBLE) AS auc_low, CAST(NULL AS DOUBLE) AS auc_high
          FROM ood_rows GROUP BY split, distance ORDER BY split, distance""");
    }
    spark.createDataFrame(java.util.List.of(org.apache.spark.sql.RowFactory.create(inDistribution)),
        new org.apache.spark.sql.types.StructType().add("id_split", "string")).createOrReplaceTempView("ood_id_split");
    return spark.sql("""
        WITH pooled AS (
          SELECT o.split AS ood, r.distance, r.score, r.split = i.id_split AS in_distribution
          FROM (SELECT DISTINCT split FROM ood_rows) o CROSS JOIN ood_id_split i
          JOIN ood_rows r ON (r.split = o.split OR r.split = i.id_split)
          WHERE o.split <> i.id_split),
        ranked AS (
          SELECT ood, distance, in_distribution, score,
                 rank() OVER (PARTITION BY ood, distance ORDER BY score)
                   + (count(*) OVER (PARTITION BY ood, distance, score) - 1) / 2.0D AS average_rank,
                 rank() OVER (PARTITION BY ood, distance, in_distribution ORDER BY score)
                   + (count(*) OVER (PARTITION BY ood, distance, in_distribution, score) - 1) / 2.0D AS class_rank,
                 sum(CASE WHEN in_distribution THEN 1 ELSE 0 END) OVER (PARTITION BY ood, distance) AS n_in,
                 sum(CASE WHEN in_distribution THEN 0 ELSE 1 END) OVER (PARTITION BY ood, distance) AS n_out
          FROM pooled),
        placed AS (
          -- DeLong's placement values: the other class's scores below (out) or above (in) this one, ties 1/2.
          SELECT *, CASE WHEN in_distribution THEN 1 - (average_rank - class_rank) / n_out
                         ELSE (average_rank - class_rank) / n_in END AS placement
          FROM ranked),
        per_split AS (
          SELECT first(i.id_split) AS in_domain, ood AS out_of_domain, distance,
                 count_if(in_distribution) AS in_samples, count_if(NOT in_distribution) AS out_samples,
                 percentile(CASE WHEN in_distribution THEN score END, 0.5) AS in_median_score,
                 percentile(CASE WHEN NOT in_distribution THEN score END, 0.5) AS out_median_score,
                 CAST((sum(CASE WHEN NOT in_distribution THEN average_rank END)
                       - count_if(NOT in_distribution) * (count_if(NOT in_distribution) + 1) / 2.0D)
                   / (count_if(NOT in_distribution) * count_if(in_distribution)) AS DOUBLE) AS auc,
                 var_samp(CASE WHEN NOT in_distribution THEN placement END) / count_if(NOT in_distribution)
                   + var_samp(CASE WHEN in_distribution THEN placement END) / count_if(in_distribution) AS auc_variance
          FROM placed CROSS JOIN ood_id_split i
          GROUP BY ood, distance)
        SELECT in_domain, out_of_domain, distance, in_samples, out_samples, in_median_score, out_median_score, auc,
               CASE WHEN in_samples >= 2 AND out_samples >= 2 THEN greatest(0D, auc - 1.959963984540054D * sqrt(auc_variance)) END AS auc_low,
               CASE WHEN in_samples >= 2 AND out_samples >= 2 THEN least(1D, auc + 1.959963984540054D * sqrt(auc_variance)) END AS auc_high
        FROM per_split ORDER BY out_of_domain, distance""");
  }
}
