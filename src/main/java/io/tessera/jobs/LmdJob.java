package io.tessera.jobs;

import io.tessera.TesseraException;
import io.tessera.config.LmdConfig;
import io.tessera.model.DiffusionModel;
import io.tessera.tables.TableSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code lmd} job (Liu, Zhou and Weinberger; digest §4): each image is inpainted r times by a
 * DDPM under alternating checkerboard masks, and its score is the median distance to those
 * inpaintings (MSE, 1 - SSIM), in {@code lmd_scores}; {@code lmd_summary} has per split the score
 * statistics and, against a configured in-distribution split, the ROC-AUC.
 */
public final class LmdJob {
  public static final String NAME = "lmd";
  public static final String TABLE = "lmd_scores";
  public static final String SUMMARY = "lmd_summary";

  private LmdJob() {}

  public static JobRun.Result run(SparkSession spark, LmdConfig cfg) {
    JobRun.Description description = new JobRun.Description(NAME, cfg, cfg.input(), cfg.model(), cfg.runId(), cfg.output());
    return JobRun.execute(spark, description, run -> execute(run, cfg));
  }

  private static JobRun.Counts execute(JobRun run, LmdConfig cfg) {
    ModelRef model = ModelRef.of(run.spark(), cfg.model(), cfg.devicePolicy());
    DiffusionModel ddpm = model.diffusion();
    int side = side(ddpm.dataDim());
    if (cfg.grid() > side) {
      throw new TesseraException("grid " + cfg.grid() + " has more patches per side than the " + side + "-pixel images");
    }
    if (cfg.distances().contains("ssim") && side < 11) {
      throw new TesseraException("SSIM's 11x11 window needs images of side >= 11; these are " + side + "x" + side + ": use distances [mse]");
    }
    ddpm.schedule().uniformGrid(cfg.stepSize()); // refuses h > T before any work
    ChainBudget.require(cfg.batchSize(), cfg.attempts(), ddpm.dataDim(), "attempts");
    ValidatedInput.Rows input = ValidatedInput.load(run, cfg.input(), cfg.splits(), ddpm.dataDim(), cfg.quarantine(), cfg.partitions());
    Dataset<Row> scores = input.valid().mapPartitions(new LmdPartition(model, cfg), Encoders.row(TableSchema.load(TABLE).dataSchema()));
    long rowsOut = run.stage(TABLE, scores);
    run.stage(SUMMARY, summary(run.staged(TABLE), cfg.inDistributionSplit()).coalesce(1));
    return new JobRun.Counts(input.rowsIn(), rowsOut / cfg.distances().size(), input.rejected());
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
   * Score statistics per split and distance; the AUC of a split against the in-distribution one
   * is the Mann-Whitney statistic from average ranks over the two splits pooled (ties count 1/2).
   */
  static Dataset<Row> summary(Dataset<Row> scores, String inDistribution) {
    scores.createOrReplaceTempView("lmd_rows");
    SparkSession spark = scores.sparkSession();
    if (inDistribution == null) {
      return spark.sql("""
          SELECT split, distance, count(*) AS samples, avg(score) AS mean_score, percentile(score, 0.5) AS median_score,
                 CAST(NULL AS DOUBLE) AS auc
          FROM lmd_rows GROUP BY split, distance ORDER BY split, distance""");
    }
    spark.createDataFrame(java.util.List.of(org.apache.spark.sql.RowFactory.create(inDistribution)),
        new org.apache.spark.sql.types.StructType().add("id_split", "string")).createOrReplaceTempView("lmd_id_split");
    return spark.sql("""
        WITH pooled AS (
          SELECT o.split AS ood, r.distance, r.score, r.split = i.id_split AS in_distribution
          FROM (SELECT DISTINCT split FROM lmd_rows) o CROSS JOIN lmd_id_split i
          JOIN lmd_rows r ON (r.split = o.split OR r.split = i.id_split)
          WHERE o.split <> i.id_split),
        ranked AS (
          SELECT ood, distance, in_distribution,
                 rank() OVER (PARTITION BY ood, distance ORDER BY score)
                   + (count(*) OVER (PARTITION BY ood, distance, score) - 1) / 2.0D AS average_rank
          FROM pooled),
        auc AS (
          SELECT ood AS split, distance,
                 CAST((sum(CASE WHEN NOT in_distribution THEN average_rank END)
                       - count_if(NOT in_distribution) * (count_if(NOT in_distribution) + 1) / 2.0D)
                   / (count_if(NOT in_distribution) * count_if(in_distribution)) AS DOUBLE) AS auc
          FROM ranked GROUP BY ood, distance)
        SELECT s.split, s.distance, s.samples, s.mean_score, s.median_score, a.auc
        FROM (SELECT split, distance, count(*) AS samples, avg(score) AS mean_score, percentile(score, 0.5) AS median_score
              FROM lmd_rows GROUP BY split, distance) s
        LEFT JOIN auc a ON s.split = a.split AND s.distance = a.distance
        ORDER BY s.split, s.distance""");
  }
}
