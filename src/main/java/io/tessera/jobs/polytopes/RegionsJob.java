package io.tessera.jobs.polytopes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;

import io.tessera.TesseraException;
import io.tessera.math.MlpWeights;
import io.tessera.math.PatternKey;
import io.tessera.math.polytope.BoxedRegion;
import io.tessera.run.BaseJob;
import io.tessera.run.JobRun;
import io.tessera.run.JoinKeys;
import io.tessera.run.ModelRef;
import io.tessera.tables.TableSchema;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code regions} job: every linear region of a 2- or 3-input ReLU MLP inside a box, by
 * Traversal-and-Pruning (Liu et al. Algorithm 1, in box mode:
 * docs/methods/polytopes-and-regions.md, Enumerating regions (Algorithm 1)) run as a distributed
 * breadth-first search in rounds. Each round expands the frontier on the executors, partitioned by
 * pattern hash; a task keeps expanding what it discovers up to {@code expand_per_task} regions
 * ({@link RegionsPartition}), so that a small frontier does not cost a Spark round per level. The
 * patterns discovered but not expanded are de-duplicated (a group-by and an anti-join with the
 * round's expanded regions) into the next frontier. Rounds are written to scratch Parquet. In 3-D
 * the volumes are estimated by Monte Carlo ({@link RegionVolumes}).
 */
public final class RegionsJob extends BaseJob<RegionsConfig> {
  public static final String NAME = "regions";
  public static final String TABLE = "regions";
  public static final String SUMMARY = "region_summary";
  private static final Logger LOG = LoggerFactory.getLogger(RegionsJob.class);
  private static final StructType FRONTIER = new StructType()
      .add("pattern", DataTypes.createArrayType(DataTypes.LongType, false), false)
      .add("depth", DataTypes.IntegerType, false);

  public RegionsJob() {
    super(NAME, RegionsConfig.class, TABLE, SUMMARY);
  }

  @Override
  public JobRun.Counts execute(JobRun run, RegionsConfig cfg) {
    SparkSession spark = run.spark();
    ModelRef model = ModelRef.of(spark, cfg.model(), cfg.devicePolicy());
    var network = model.reluMlp();
    MlpWeights weights = network.weights();
    int m = weights.inputDim();
    if (m != 2 && m != 3) {
      throw new TesseraException("the regions job enumerates 2- or 3-input networks; " + cfg.model() + " has " + m + " inputs");
    }
    double lo = cfg.box().get(0);
    double hi = cfg.box().get(1);
    long[] start = startPattern(weights, cfg, lo, hi);
    int partitions = cfg.partitions() > 0 ? cfg.partitions() : spark.sparkContext().defaultParallelism();
    StructType expanded = RegionsPartition.schema(TableSchema.load(TABLE).dataSchema());

    // The driver keeps every pattern seen so far, for the executors to skip (broadcast per round).
    Set<PatternKey> visited = new HashSet<>();
    visited.add(new PatternKey(start));
    List<Row> frontier = List.of(RowFactory.create(start, 0));
    String rounds = run.scratchPath("rounds");
    long regions = 0;
    int round = 0;
    while (!frontier.isEmpty()) {
      Broadcast<Set<PatternKey>> seen = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(visited);
      String roundPath = rounds + "/round=" + round;
      spark.createDataFrame(frontier, FRONTIER).repartition(Math.min(partitions, frontier.size()), col("pattern"))
          .mapPartitions(new RegionsPartition(model, lo, hi, cfg.expandPerTask(), seen), Encoders.row(expanded))
          .write().parquet(roundPath);
      seen.destroy();
      Dataset<Row> result = spark.read().parquet(roundPath);
      Dataset<Row> expandedPatterns = result.where("NOT frontier").select("pattern").distinct();
      // Discovered but not expanded, by any task, and not expanded by another: the next frontier.
      List<Row> next = result.where("frontier").groupBy("pattern").agg(min("depth").as("depth"))
          .join(expandedPatterns, JoinKeys.of("pattern"), "left_anti").collectAsList();
      for (Row r : expandedPatterns.collectAsList()) {
        visited.add(new PatternKey(longs(r.getList(0))));
      }
      for (Row r : next) {
        visited.add(new PatternKey(longs(r.getList(0))));
      }
      // Earlier rounds' regions are in the broadcast set, so only this round's can repeat.
      regions += result.where("NOT frontier AND NOT empty").select("pattern").distinct().count();
      round++;
      LOG.info("regions: round {} done, {} regions so far, {} patterns in the next frontier", round, regions, next.size());
      if (regions > cfg.maxRegions()) {
        throw new TesseraException("more than max_regions = " + cfg.maxRegions() + " regions after " + round
            + " rounds; raise max_regions or shrink the box");
      }
      frontier = next;
    }
    // Two tasks of a round may both expand a region they each discovered: keep the shallower row.
    Dataset<Row> all = spark.read().parquet(rounds).where("NOT frontier")
        .withColumn("_first", row_number().over(Window.partitionBy("pattern").orderBy(col("depth"), col("round"))))
        .where("_first = 1").drop("_first", "round", "frontier");
    long empty = all.where("empty").count();
    Dataset<Row> found = all.where("NOT empty").drop("empty");
    Long missed = null;
    if (m == 3) {
      RegionVolumes.Estimate volumes = RegionVolumes.estimate(spark, model, found, m, lo, hi, cfg.volumeSamples(), cfg.seed(), partitions);
      found = volumes.regions();
      missed = volumes.missedSamples();
    }
    long rowsOut = run.stage(TABLE, found.selectExpr(TableSchema.load(TABLE).dataSchema().fieldNames()));
    run.stage(SUMMARY, summary(run.staged(TABLE), network.id(), m, lo, hi, round, empty, missed));
    return new JobRun.Counts(0, rowsOut, 0);
  }

  private static long[] longs(List<Long> words) {
    return words.stream().mapToLong(Long::longValue).toArray();
  }

  /** The start point's pattern; its region must have an interior in the box. */
  private static long[] startPattern(MlpWeights weights, RegionsConfig cfg, double lo, double hi) {
    int m = weights.inputDim();
    double[] x = new double[m];
    if (cfg.start() == null) {
      Arrays.fill(x, (lo + hi) / 2);
    } else if (cfg.start().size() != m) {
      throw new TesseraException("start has " + cfg.start().size() + " coordinates, the network has " + m + " inputs");
    } else {
      x = cfg.start().stream().mapToDouble(Double::doubleValue).toArray();
    }
    long[] pattern = weights.pattern(x);
    double[] low = new double[m];
    double[] high = new double[m];
    Arrays.fill(low, lo);
    Arrays.fill(high, hi);
    if (BoxedRegion.of(weights, pattern, low, high).isEmpty()) {
      throw new TesseraException("the start point " + Arrays.toString(x) + " lies on a region boundary; choose another start");
    }
    return pattern;
  }

  static Dataset<Row> summary(Dataset<Row> regions, String modelId, int m, double lo, double hi, int rounds, long empty, Long missed) {
    regions.createOrReplaceTempView("region_rows");
    double box = Math.pow(hi - lo, m);
    return regions.sparkSession().sql(String.format(java.util.Locale.ROOT, """
        SELECT '%s' AS model_id, %d AS dim, %s AS box_lo, %s AS box_hi,
               count(*) AS regions, count_if(bounded) AS bounded_regions, count_if(NOT bounded) AS unbounded_regions,
               sum(measure) AS total_measure, %s AS box_measure, %d AS rounds, %dL AS empty_neighbours,
               CAST(%s AS BIGINT) AS missed_samples
        FROM region_rows""", modelId.replace("'", "''"), m, lo + "D", hi + "D", box + "D", rounds, empty, missed == null ? "NULL" : missed + "L"));
  }
}
