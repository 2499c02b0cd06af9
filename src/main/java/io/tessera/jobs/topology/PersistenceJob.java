package io.tessera.jobs.topology;

import io.tessera.run.BaseJob;
import io.tessera.run.CountUnit;
import io.tessera.run.JobRun;
import io.tessera.tables.TableSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code persistence} job: Vietoris–Rips persistence diagrams (H0..H2 over Z/p) of named point
 * clouds, generated or read from datasets, one Spark task per (cloud, repeat), written to
 * {@code persistence_diagrams}; Betti numbers at the configured scales, counted from the written
 * diagrams, in {@code betti} (docs/methods/persistence.md).
 */
public final class PersistenceJob extends BaseJob<PersistenceConfig> {
  public static final String NAME = "persistence";
  public static final String TABLE = "persistence_diagrams";
  public static final String BETTI = "betti";
  private static final StructType WORK = new StructType()
      .add("cloud", DataTypes.StringType, false)
      .add("repeat", DataTypes.IntegerType, false);

  public PersistenceJob() {
    super(NAME, PersistenceConfig.class, CountUnit.POINT_CLOUD, TABLE, BETTI);
  }

  @Override
  public JobRun.Counts execute(JobRun run, PersistenceConfig cfg) {
    Map<String, float[][]> loaded = new LinkedHashMap<>();
    List<Row> work = new ArrayList<>();
    for (Map.Entry<String, PointSource> cloud : cfg.clouds().entrySet()) {
      if (!cloud.getValue().generated()) {
        float[][] rows = PointClouds.load(run.spark(), cloud.getValue());
        PointClouds.requireSize(cloud.getValue(), rows, Math.max(cfg.points(), cfg.landmarks()), "cloud '" + cloud.getKey() + "'");
        loaded.put(cloud.getKey(), rows);
      }
      for (int r = 0; r < cfg.repeats(); r++) {
        work.add(RowFactory.create(cloud.getKey(), r));
      }
    }
    var datasets = JavaSparkContext.fromSparkContext(run.spark().sparkContext()).broadcast(loaded);
    int partitions = run.taskPartitions(cfg.partitions(), work.size());
    Dataset<Row> diagrams = run.spark().createDataFrame(work, WORK).repartition(partitions)
        .mapPartitions(new PersistencePartition(cfg, datasets), TableSchema.rowEncoder(TABLE));
    run.stage(TABLE, diagrams);
    run.stage(BETTI, betti(run.staged(TABLE), cfg).coalesce(1));
    datasets.destroy();
    return new JobRun.Counts(work.size(), work.size(), 0);
  }

  /** beta_k(eps) = #{(b, d) in D_k : b <= eps < d}, for every (cloud, repeat), dimension and scale, zeros included. */
  static Dataset<Row> betti(Dataset<Row> diagrams, PersistenceConfig cfg) {
    var spark = diagrams.sparkSession();
    List<Row> grid = new ArrayList<>();
    for (double scale : cfg.bettiScales()) {
      for (int k = 0; k <= cfg.maxDimension(); k++) {
        grid.add(RowFactory.create(scale, k));
      }
    }
    spark.createDataFrame(grid, new StructType().add("scale", DataTypes.DoubleType).add("dimension", DataTypes.IntegerType))
        .createOrReplaceTempView("betti_grid");
    diagrams.createOrReplaceTempView("diagram_rows");
    return spark.sql("""
        WITH draws AS (
          SELECT DISTINCT cloud, repeat, draw_seed, used_points, covering_radius, threshold, prime FROM diagram_rows)
        SELECT w.cloud, w.repeat, w.draw_seed, w.used_points, w.covering_radius, w.threshold, w.prime, g.scale, g.dimension,
               CAST(count(d.birth) AS INT) AS betti
        FROM draws w CROSS JOIN betti_grid g
        LEFT JOIN diagram_rows d
          ON d.cloud = w.cloud AND d.repeat = w.repeat AND d.dimension = g.dimension
         AND d.birth <= g.scale AND (d.death IS NULL OR d.death > g.scale)
        GROUP BY w.cloud, w.repeat, w.draw_seed, w.used_points, w.covering_radius, w.threshold, w.prime, g.scale, g.dimension""");
  }
}
