package io.tessera.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import io.tessera.TesseraException;
import io.tessera.config.RegionsConfig;
import io.tessera.math.BitPatterns;
import io.tessera.math.MlpWeights;
import io.tessera.math.polytope.BoxedRegion;
import io.tessera.tables.TableSchema;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code regions} job: every linear region of a 2- or 3-input ReLU MLP inside a box, by
 * Traversal-and-Pruning (Liu et al. Algorithm 1, box mode of digest §5) run as a level-synchronous
 * breadth-first search. Each round expands the frontier on the executors, partitioned by pattern
 * hash; the patterns across the facets are de-duplicated and anti-joined with every pattern seen
 * so far, which becomes the next frontier. Rounds are written to scratch Parquet so that the
 * lineage stays one round long. In 3-D the volumes are estimated by Monte Carlo
 * ({@link RegionVolumes}).
 */
public final class RegionsJob {
  public static final String NAME = "regions";
  public static final String TABLE = "regions";
  public static final String SUMMARY = "region_summary";
  private static final Logger LOG = LoggerFactory.getLogger(RegionsJob.class);
  private static final StructType FRONTIER = new StructType()
      .add("pattern", DataTypes.createArrayType(DataTypes.LongType, false), false)
      .add("depth", DataTypes.IntegerType, false);

  private RegionsJob() {}

  public static JobRun.Result run(SparkSession spark, RegionsConfig cfg) {
    JobRun.Description description = new JobRun.Description(NAME, cfg, null, cfg.model(), cfg.runId(), cfg.output());
    return JobRun.execute(spark, description, run -> execute(run, cfg));
  }

  private static JobRun.Counts execute(JobRun run, RegionsConfig cfg) {
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

    Dataset<Row> frontier = spark.createDataFrame(List.of(RowFactory.create(start, 0)), FRONTIER);
    String visitedPath = run.scratchPath("visited");
    frontier.write().parquet(visitedPath + "/level=0");
    long regions = 0;
    int level = 0;
    while (true) {
      String roundPath = run.scratchPath("rounds") + "/level=" + level;
      frontier.repartition(partitions, col("pattern"))
          .mapPartitions(new RegionsPartition(model, lo, hi), Encoders.row(expanded))
          .write().parquet(roundPath);
      Dataset<Row> round = spark.read().parquet(roundPath);
      regions += round.where("NOT empty").count();
      if (regions > cfg.maxRegions()) {
        throw new TesseraException("more than max_regions = " + cfg.maxRegions() + " regions after " + (level + 1)
            + " rounds; raise max_regions or shrink the box");
      }
      Dataset<Row> next = round.select(explode(col("neighbours")).as("pattern")).distinct()
          .join(spark.read().parquet(visitedPath).select("pattern"),
              JoinKeys.of("pattern"), "left_anti");
      level++;
      String nextPath = visitedPath + "/level=" + level;
      next.selectExpr("pattern", level + " AS depth").write().parquet(nextPath);
      frontier = spark.read().parquet(nextPath).select("pattern", "depth");
      long size = frontier.count();
      LOG.info("regions: round {} done, {} regions so far, {} patterns in the next frontier", level, regions, size);
      if (size == 0) {
        break;
      }
    }
    Dataset<Row> all = spark.read().parquet(run.scratchPath("rounds"));
    long empty = all.where("empty").count();
    Dataset<Row> found = all.where("NOT empty").drop("neighbours", "empty", "level");
    Long missed = null;
    if (m == 3) {
      RegionVolumes.Estimate volumes = RegionVolumes.estimate(spark, model, found, m, lo, hi, cfg.volumeSamples(), cfg.seed(), partitions);
      found = volumes.regions();
      missed = volumes.missedSamples();
    }
    long rowsOut = run.stage(TABLE, found.selectExpr(TableSchema.load(TABLE).dataSchema().fieldNames()));
    run.stage(SUMMARY, summary(run.staged(TABLE), network.id(), m, lo, hi, level, empty, missed));
    return new JobRun.Counts(0, rowsOut, 0);
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

  static Dataset<Row> summary(Dataset<Row> regions, String modelId, int m, double lo, double hi, int levels, long empty, Long missed) {
    regions.createOrReplaceTempView("region_rows");
    double box = Math.pow(hi - lo, m);
    return regions.sparkSession().sql(String.format(java.util.Locale.ROOT, """
        SELECT '%s' AS model_id, %d AS dim, %s AS box_lo, %s AS box_hi,
               count(*) AS regions, count_if(bounded) AS bounded_regions, count_if(NOT bounded) AS unbounded_regions,
               sum(measure) AS total_measure, %s AS box_measure, %d AS levels, %dL AS empty_neighbours,
               CAST(%s AS BIGINT) AS missed_samples
        FROM region_rows""", modelId.replace("'", "''"), m, lo + "D", hi + "D", box + "D", levels, empty, missed == null ? "NULL" : missed + "L"));
  }
}
