package io.tessera.jobs.patterns;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.tessera.model.classifier.ReluMlpNetwork;
import io.tessera.run.BaseJob;
import io.tessera.run.CountUnit;
import io.tessera.run.JobRun;
import io.tessera.run.JoinKeys;
import io.tessera.run.ModelRef;
import io.tessera.run.ValidatedInput;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.storage.StorageLevel;

/**
 * The {@code hamming-neighbours} job (Liu et al. Table 3): each sample's exact leave-one-out
 * nearest neighbour within its split, in Hamming space (activation patterns) and in Euclidean
 * space (features). Candidates are split into blocks of at most about {@code block_size} samples;
 * each block is broadcast once and compared with every sample of its split, and the per-block
 * bests are merged, so no JVM ever holds more than a block of patterns.
 */
public final class HammingNeighboursJob extends BaseJob<HammingNeighboursConfig> {
  public static final String NAME = "hamming-neighbours";
  public static final String TABLE = "nearest_neighbours";
  public static final String SUMMARY = "neighbour_agreement";

  public HammingNeighboursJob() {
    super(NAME, HammingNeighboursConfig.class, CountUnit.INPUT_ROW, TABLE, SUMMARY);
  }

  @Override
  public JobRun.Counts execute(JobRun run, HammingNeighboursConfig cfg) {
    var spark = run.spark();
    ModelRef model = ModelRef.of(run, cfg);
    ReluMlpNetwork network = model.reluMlp();
    ValidatedInput.Rows input = ValidatedInput.load(run, cfg, network.inputDim());
    Dataset<Row> encoded = input.valid()
        .mapPartitions(new PatternWordsPartition(model, cfg.batchSize()),
            Encoders.row(PatternWordsPartition.SCHEMA))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      String candidates = run.scratchPath("neighbour-candidates");
      JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
      int words = PatternWordsPartition.wordsPerRow(network);
      for (Row split : encoded.groupBy("split").count().orderBy("split").collectAsList()) {
        String name = split.getString(0);
        int blocks = (int) Math.max(1, (split.getLong(1) + cfg.blockSize() - 1) / cfg.blockSize());
        Dataset<Row> members = encoded.where(col("split").equalTo(name)).select("id", "words", "features");
        for (int b = 0; b < blocks; b++) {
          run.phase("searching split " + name + ", block " + (b + 1) + " of " + blocks);
          List<Row> blockRows = members.where(expr("pmod(hash(id), " + blocks + ") = " + b)).collectAsList();
          Broadcast<NeighbourBlock> block = context.broadcast(NeighbourBlock.of(blockRows, words, network.inputDim()));
          members.mapPartitions(new NearestNeighbourPass(block), Encoders.row(NearestNeighbourPass.SCHEMA))
              .write().mode(SaveMode.Append).parquet(candidates);
          block.destroy();
        }
      }
      Dataset<Row> nearest = merge(spark.read().parquet(candidates), encoded, network.id());
      long rowsOut = run.stage(TABLE, nearest);
      run.stage(SUMMARY, summary(run.staged(TABLE)).coalesce(1));
      return new JobRun.Counts(input.rowsIn(), rowsOut / 2, input.rejected());
    } finally {
      encoded.unpersist();
    }
  }

  /** The best candidate over all blocks: the smallest (distance, neighbour id), then labels joined back. */
  private static Dataset<Row> merge(Dataset<Row> candidates, Dataset<Row> encoded, String modelId) {
    Dataset<Row> best = candidates.groupBy("sample_id", "metric")
        .agg(expr("min(struct(distance, neighbour_id)) AS best"))
        .selectExpr("sample_id", "metric", "best.distance AS best_distance", "best.neighbour_id AS neighbour_id");
    Dataset<Row> samples = encoded.selectExpr("id AS sample_id", "split", "label");
    Dataset<Row> neighbours = encoded.selectExpr("id AS neighbour_id", "split", "label AS neighbour_label");
    return best.join(samples, "sample_id")
        .join(neighbours, JoinKeys.of("neighbour_id", "split"))
        .selectExpr(
            "'" + modelId.replace("'", "''") + "' AS model_id",
            "sample_id", "split", "label", "metric", "neighbour_id", "neighbour_label",
            "CASE WHEN metric = 'euclidean' THEN sqrt(best_distance) ELSE best_distance END AS distance",
            "label = neighbour_label AS same_label");
  }

  static Dataset<Row> summary(Dataset<Row> nearest) {
    return nearest.groupBy("split", "metric")
        .agg(expr("count(*) AS samples"), expr("avg(CAST(same_label AS DOUBLE)) AS agreement"))
        .orderBy("split", "metric");
  }
}
