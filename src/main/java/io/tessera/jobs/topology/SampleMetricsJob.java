package io.tessera.jobs.topology;

import io.tessera.InputException;
import io.tessera.math.MeanInterval;
import io.tessera.math.metrics.PooledTTest;
import io.tessera.run.BaseJob;
import io.tessera.run.CountUnit;
import io.tessera.run.JobRun;
import io.tessera.run.ModelRef;
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
 * The {@code sample-metrics} job: for every named comparison of two point sources (real against
 * generated, data against reconstruction), {@code repeats} fresh draws of both samples, each an
 * independent Spark task computing W2, the Fréchet distance, precision/recall/density/coverage, the
 * k-NN spectral distances, the graph divergence and the diagram distances into
 * {@code sample_metrics}; means with 95% intervals, and t-tests against a baseline comparison, in
 * {@code sample_metrics_summary} (docs/methods/sample-metrics.md).
 */
public final class SampleMetricsJob extends BaseJob<SampleMetricsConfig> {
  public static final String NAME = "sample-metrics";
  public static final String TABLE = "sample_metrics";
  public static final String SUMMARY = "sample_metrics_summary";
  private static final StructType WORK = new StructType()
      .add("comparison", DataTypes.StringType, false)
      .add("repeat", DataTypes.IntegerType, false);

  public SampleMetricsJob() {
    super(NAME, SampleMetricsConfig.class, CountUnit.SAMPLE_PAIR, TABLE, SUMMARY);
  }

  @Override
  public JobRun.Counts execute(JobRun run, SampleMetricsConfig cfg) {
    Map<String, float[][]> loaded = new LinkedHashMap<>();
    List<Row> work = new ArrayList<>();
    ModelRef features = cfg.featureModel() == null ? null : ModelRef.of(run.spark(), cfg.featureModel(), cfg.devicePolicy());
    for (Map.Entry<String, Comparison> c : cfg.comparisons().entrySet()) {
      String name = c.getKey();
      int[] dims = new int[2];
      int side = 0;
      for (PointSource source : List.of(c.getValue().real(), c.getValue().fake())) {
        String key = name + (side == 0 ? "/real" : "/fake");
        float[][] rows = source.generated() ? null : PointClouds.load(run.spark(), source);
        PointClouds.requireSize(source, rows, cfg.sampleSize(), "comparison '" + name + "'");
        if (rows != null) {
          loaded.put(key, rows);
        }
        dims[side++] = PointClouds.draw(source, rows, 1, 0)[0].length;
      }
      if (dims[0] != dims[1]) {
        throw new InputException("comparison '" + name + "': the real points (" + c.getValue().real().describe() + ") have " + dims[0]
            + " coordinates and the fake ones (" + c.getValue().fake().describe() + ") " + dims[1]);
      }
      if (features != null && features.features().inputDim() != dims[0]) {
        throw new InputException("feature_model " + cfg.featureModel() + " takes inputs of " + features.features().inputDim()
            + " values; comparison '" + name + "' has points of " + dims[0]);
      }
      for (int r = 0; r < cfg.repeats(); r++) {
        work.add(RowFactory.create(name, r));
      }
    }
    var datasets = JavaSparkContext.fromSparkContext(run.spark().sparkContext()).broadcast(loaded);
    int partitions = run.taskPartitions(cfg.partitions(), work.size());
    Dataset<Row> rows = run.spark().createDataFrame(work, WORK).repartition(partitions)
        .mapPartitions(new SampleMetricsPartition(cfg, datasets, features), TableSchema.rowEncoder(TABLE));
    long rowsOut = run.stage(TABLE, rows);
    run.stage(SUMMARY, summary(run, run.staged(TABLE), cfg));
    datasets.destroy();
    return new JobRun.Counts(work.size(), rowsOut, 0);
  }

  /** Per comparison and computed metric: mean, sd and 95% t-interval over the repeats, and the t-test against the baseline. */
  static Dataset<Row> summary(JobRun run, Dataset<Row> metrics, SampleMetricsConfig cfg) {
    List<Row> all = metrics.collectAsList();
    List<Row> out = new ArrayList<>();
    for (String comparison : cfg.comparisons().keySet()) {
      for (SampleMetric family : SampleMetric.values()) {
        if (!cfg.computes(family)) {
          continue;
        }
        for (String column : family.columns()) {
          double[] values = values(all, comparison, column);
          String baseline = cfg.baseline() == null || cfg.baseline().equals(comparison) ? null : cfg.baseline();
          if (values.length == 0) { // e.g. a diagram distance that was infinite in every repeat
            out.add(RowFactory.create(comparison, column, 0, null, null, null, null, baseline, null));
            continue;
          }
          MeanInterval m = MeanInterval.of95(values);
          Double p = null;
          double[] reference = baseline == null ? null : values(all, baseline, column);
          if (reference != null && reference.length >= 2 && values.length >= 2) {
            double test = PooledTTest.pValue(reference, values);
            p = Double.isNaN(test) ? null : test;
          }
          out.add(RowFactory.create(comparison, column, m.n(), m.mean(), nullIfNaN(m.sd()), nullIfNaN(m.low()), nullIfNaN(m.high()), baseline, p));
        }
      }
    }
    return run.spark().createDataFrame(out, TableSchema.load(SUMMARY).dataSchema()).coalesce(1);
  }

  /** The column's finite values over the comparison's repeats (an infinite diagram distance is left out of the mean). */
  private static double[] values(List<Row> rows, String comparison, String column) {
    return rows.stream().filter(r -> r.<String>getAs("comparison").equals(comparison)).mapToDouble(r -> r.<Double>getAs(column))
        .filter(Double::isFinite).toArray();
  }

  private static Double nullIfNaN(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
