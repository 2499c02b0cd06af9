package io.tessera.jobs.polytopes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.tessera.TesseraException;
import io.tessera.data.DatasetIO;
import io.tessera.run.BaseJob;
import io.tessera.run.CountUnit;
import io.tessera.run.JobRun;
import io.tessera.run.JoinKeys;
import io.tessera.run.ModelRef;
import io.tessera.run.ValidatedInput;
import io.tessera.tables.OutputRoot;
import io.tessera.tables.TableSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code segment-crossings} job (Liu et al. Table 5): for pairs of samples, how many linear
 * regions the straight segment between them crosses, where, and which units switch. Pairs come
 * from a nearest_neighbours table (each unordered pair once) or from the config.
 */
public final class SegmentCrossingsJob extends BaseJob<SegmentCrossingsConfig> {
  public static final String NAME = "segment-crossings";
  public static final String TABLE = "segment_crossings";

  public SegmentCrossingsJob() {
    super(NAME, SegmentCrossingsConfig.class, CountUnit.PAIR, TABLE);
  }

  @Override
  public JobRun.Counts execute(JobRun run, SegmentCrossingsConfig cfg) {
    SparkSession spark = run.spark();
    ModelRef model = ModelRef.of(run, cfg);
    var network = model.reluMlp();
    ValidatedInput.Rows input = ValidatedInput.load(run, cfg, network.inputDim(), cfg.quarantine(), 0);
    Dataset<Row> samples = input.valid().select(DatasetIO.ID, DatasetIO.SPLIT, DatasetIO.FEATURES);
    ValidatedInput.requireGloballyUniqueIds(samples, cfg.input(),
        "pairs name samples by id, so ids must be unique (select one split with splits: [...])");
    Dataset<Row> pairs = pairs(spark, cfg);
    if (cfg.maxPairs() > 0) {
      pairs = pairs.orderBy("a", "b").limit(cfg.maxPairs());
    }
    long taken = pairs.count();
    if (taken == 0) {
      throw new TesseraException("no pairs to measure: " + (cfg.neighbours() != null
          ? "the nearest_neighbours table " + cfg.neighbours() + " has no rows with metric '" + cfg.metric() + "'" : "pairs is empty"));
    }
    Dataset<Row> missing = pairs.selectExpr("explode(array(a, b)) AS id").distinct()
        .join(samples, JoinKeys.of(DatasetIO.ID), "left_anti").cache();
    Dataset<Row> unknown = input.rejected() == 0 ? missing
        : missing.join(run.staged(OutputRoot.REJECTS).selectExpr("sample_id AS id"), JoinKeys.of(DatasetIO.ID), "left_anti");
    List<Row> firstUnknown = unknown.limit(1).collectAsList();
    if (!firstUnknown.isEmpty()) {
      throw new TesseraException("a pair names sample id " + firstUnknown.get(0).get(0) + ", which is not in " + cfg.input()
          + (cfg.splits() == null ? "" : " (splits " + cfg.splits() + ")"));
    }
    // A pair with a quarantined endpoint cannot be measured: the joins with the samples below drop it, and it counts as
    // refused (its endpoint's reason is in _rejects). Without rejects every endpoint was found above.
    long refused = input.rejected() == 0 ? 0 : pairs.join(missing, expr("id IN (a, b)"), "left_semi").count();
    Dataset<Row> a = samples.selectExpr("id AS a", "split AS split_a", "features AS features_a");
    Dataset<Row> b = samples.selectExpr("id AS b", "split AS split_b", "features AS features_b");
    Dataset<Row> joined = pairs.join(a, "a").join(b, "b").select("a", "b", "split_a", "split_b", "features_a", "features_b");
    // A pair costs milliseconds to seconds, and a limited or broadcast-joined pair list can arrive
    // as one partition: spread the pairs over every core (four tasks per core unless partitions is set).
    joined = joined.repartition(cfg.partitions() > 0 ? cfg.partitions() : 4 * spark.sparkContext().defaultParallelism());
    Dataset<Row> crossings = joined.mapPartitions(
        new SegmentCrossingsPartition(model, cfg.bisection()),
        TableSchema.rowEncoder(TABLE));
    long rowsOut = run.stage(TABLE, crossings);
    missing.unpersist();
    return new JobRun.Counts(taken, rowsOut, refused);
  }

  /** Unordered pairs (a < b), each once. */
  private static Dataset<Row> pairs(SparkSession spark, SegmentCrossingsConfig cfg) {
    Dataset<Row> raw;
    if (cfg.neighbours() != null) {
      Dataset<Row> table;
      try {
        table = spark.read().parquet(cfg.neighbours());
      } catch (Exception e) { // SparkException is thrown undeclared
        throw new TesseraException("cannot read the nearest_neighbours table " + cfg.neighbours() + ": " + io.tessera.Errors.rootMessage(e), e);
      }
      raw = table.where(col("metric").equalTo(cfg.metric())).selectExpr("sample_id AS a", "neighbour_id AS b");
    } else {
      List<Row> rows = new ArrayList<>();
      for (List<Long> pair : cfg.pairs()) {
        rows.add(RowFactory.create(pair.get(0), pair.get(1)));
      }
      raw = spark.createDataFrame(rows, new StructType().add("a", DataTypes.LongType).add("b", DataTypes.LongType));
    }
    return raw.where("a <> b").selectExpr("least(a, b) AS a", "greatest(a, b) AS b").distinct();
  }
}
