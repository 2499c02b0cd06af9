package io.tessera.jobs.polytopes;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.not;

import io.tessera.TesseraException;
import io.tessera.math.MlpWeights;
import io.tessera.math.polytope.BoxedRegion;
import io.tessera.run.BaseJob;
import io.tessera.run.CountUnit;
import io.tessera.run.JobRun;
import io.tessera.run.ModelRef;
import io.tessera.tables.TableSchema;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code regions} job: every linear region of a 2- or 3-input ReLU MLP inside a box, by
 * Traversal-and-Pruning (Liu et al. Algorithm 1, in box mode) cut into tiles
 * (docs/methods/polytopes-and-regions.md, Enumerating regions by tiles). The box is cut into k^m
 * tiles, and one task per tile traverses the pieces region ∩ tile ({@link TilePartition}),
 * finishing there the regions that lie inside the tile. One shuffle by pattern merges the pieces
 * of the regions that tile sides cut, and a second stage computes each of those in the box from
 * its merged facets ({@link MergePartition}). One traversal stage and one shuffle, whatever the
 * region count: the rounds of a distributed breadth-first search cost more than they save
 * (docs/benchmarks.md, Regions). In 3-D the volumes are estimated by Monte Carlo
 * ({@link RegionVolumes}).
 */
public final class RegionsJob extends BaseJob<RegionsConfig> {
  public static final String NAME = "regions";
  public static final String TABLE = "regions";
  public static final String SUMMARY = "region_summary";
  /** Auto tiling aims at this many tiles per core, so that dense tiles do not leave cores idle. */
  private static final int TILES_PER_CORE = 16;

  public RegionsJob() {
    super(NAME, RegionsConfig.class, CountUnit.REGION, TABLE, SUMMARY);
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
    int perAxis = cfg.tilesPerAxis() > 0 ? cfg.tilesPerAxis() : autoTiles(partitions, m);
    int tiles = (int) Math.round(Math.pow(perAxis, m));

    run.phase("enumerating regions in " + tiles + " tiles");
    StructType table = TableSchema.load(TABLE).dataSchema();
    String[] columns = table.fieldNames();
    String pieces = run.scratchPath("pieces");
    spark.range(0, tiles, 1, tiles).as(Encoders.LONG())
        .mapPartitions(new TilePartition(model, perAxis, lo, hi, start, cfg.maxRegions(), columns.length), Encoders.row(TilePartition.schema(table)))
        .write().parquet(pieces);
    // Whole pieces are finished rows; only the pieces of regions cut by tile sides (a few percent)
    // and the empty patterns go through the shuffle.
    Dataset<Row> all = spark.read().parquet(pieces);
    Dataset<Row> whole = all.where("whole");
    Dataset<Row> cut = all.where("NOT whole").groupBy("pattern")
        .agg(count_if(not(col("empty"))).as("pieces"), array_sort(array_distinct(flatten(collect_list("piece_facets")))).as("facets"))
        .mapPartitions(new MergePartition(model, lo, hi, start, columns.length), Encoders.row(MergePartition.schema(table)))
        .cache();
    Row cutTotals = cut.agg(count_if(col("empty")), count_if(not(col("empty")))).first();
    Row pieceTotals = all.agg(count_if(col("whole")), count_if(not(col("empty")))).first();
    long empty = cutTotals.getLong(0);
    long regions = cutTotals.getLong(1) + pieceTotals.getLong(0);
    if (regions > cfg.maxRegions()) {
      throw new TesseraException("more than max_regions = " + cfg.maxRegions() + " regions (" + regions + "); raise max_regions or shrink the box");
    }
    Dataset<Row> found = whole.selectExpr(columns).unionByName(cut.where("NOT empty").selectExpr(columns));
    Long missed = null;
    if (m == 3) {
      RegionVolumes.Estimate volumes = RegionVolumes.estimate(spark, model, found, m, lo, hi, cfg.volumeSamples(), cfg.seed(), partitions);
      found = volumes.regions();
      missed = volumes.missedSamples();
    }
    long rowsOut = run.stage(TABLE, found.selectExpr(columns));
    run.stage(SUMMARY, summary(run.staged(TABLE), network.id(), m, lo, hi, tiles, pieceTotals.getLong(1), empty, missed));
    cut.unpersist();
    return new JobRun.Counts(rowsOut, rowsOut, 0); // regions found, none refused
  }

  /** Tiles per axis: about {@link #TILES_PER_CORE} tiles per core in all. */
  public static int autoTiles(int cores, int m) {
    return Math.max(1, (int) Math.ceil(Math.pow((double) TILES_PER_CORE * cores, 1.0 / m) - 1e-9));
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
    double[][] box = BoxedRegion.cube(m, lo, hi);
    if (BoxedRegion.of(weights, pattern, box[0], box[1]).isEmpty()) {
      throw new TesseraException("the start point " + Arrays.toString(x) + " lies on a region boundary; choose another start");
    }
    return pattern;
  }

  static Dataset<Row> summary(Dataset<Row> regions, String modelId, int m, double lo, double hi, int tiles, long pieces, long empty, Long missed) {
    regions.createOrReplaceTempView("region_rows");
    double box = Math.pow(hi - lo, m);
    return regions.sparkSession().sql(String.format(java.util.Locale.ROOT, """
        SELECT '%s' AS model_id, %d AS dim, %s AS box_lo, %s AS box_hi,
               -- A region counted whole inside one tile has no pieces in others: a pattern written
               -- twice would be a bug, and fails the run before anything is published.
               CASE WHEN count(*) = count(DISTINCT pattern) THEN count(*)
                    ELSE raise_error('a region was written twice: the tiles disagree on a region cut by a tile side') END AS regions,
               count_if(bounded) AS bounded_regions, count_if(NOT bounded) AS unbounded_regions,
               sum(measure) AS total_measure, %s AS box_measure, %d AS tiles, %dL AS pieces, %dL AS empty_neighbours,
               CAST(%s AS BIGINT) AS missed_samples
        FROM region_rows""", modelId.replace("'", "''"), m, lo + "D", hi + "D", box + "D", tiles, pieces, empty, missed == null ? "NULL" : missed + "L"));
  }
}
