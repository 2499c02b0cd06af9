package io.tessera.jobs.polytopes;

import io.tessera.run.BaseJob;
import io.tessera.run.CountUnit;
import io.tessera.run.JobRun;
import io.tessera.tables.TableSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code region-census} job (Liu et al. Table 1): over a grid of architectures, train several
 * networks each on x1^2 + x2^2 - 0.4 and count their linear regions in the box; one network per
 * Spark task, written to {@code region_census}, with Table 1's columns in
 * {@code region_census_summary}.
 */
public final class RegionCensusJob extends BaseJob<RegionCensusConfig> {
  public static final String NAME = "region-census";
  public static final String TABLE = "region_census";
  public static final String SUMMARY = "region_census_summary";
  private static final StructType WORK = new StructType()
      .add("layers", DataTypes.IntegerType, false)
      .add("width", DataTypes.IntegerType, false)
      .add("repeat", DataTypes.IntegerType, false);

  public RegionCensusJob() {
    super(NAME, RegionCensusConfig.class, CountUnit.NETWORK, TABLE, SUMMARY);
  }

  @Override
  public JobRun.Counts execute(JobRun run, RegionCensusConfig cfg) {
    List<Row> work = new ArrayList<>();
    for (List<Integer> arch : cfg.architectures()) {
      for (int r = 0; r < cfg.repeats(); r++) {
        work.add(RowFactory.create(arch.get(0), arch.get(1), r));
      }
    }
    int partitions = run.taskPartitions(cfg.partitions(), work.size());
    Dataset<Row> nets = run.spark().createDataFrame(work, WORK).repartition(partitions)
        .mapPartitions(new RegionCensusPartition(cfg), TableSchema.rowEncoder(TABLE));
    long rowsOut = run.stage(TABLE, nets);
    run.stage(SUMMARY, summary(run.staged(TABLE)).coalesce(1));
    return new JobRun.Counts(work.size(), rowsOut, 0);
  }

  static Dataset<Row> summary(Dataset<Row> perNetwork) {
    perNetwork.createOrReplaceTempView("census_rows");
    return perNetwork.sparkSession().sql("""
        SELECT layers, width, count(*) AS networks, avg(regions) AS avg, stddev_samp(regions) AS sd,
               percentile(regions, 0.5) AS median, min(regions) AS min, max(regions) AS max,
               avg(validation_mse) AS avg_mse, stddev_samp(validation_mse) AS sd_mse
        FROM census_rows
        GROUP BY layers, width
        ORDER BY width, layers""");
  }
}
