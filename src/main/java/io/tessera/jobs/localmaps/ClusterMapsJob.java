package io.tessera.jobs.localmaps;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;

import io.tessera.TesseraException;
import io.tessera.config.InputSelection;
import io.tessera.run.BaseJob;
import io.tessera.run.CountUnit;
import io.tessera.run.JobRun;
import io.tessera.run.ValidatedInput;
import io.tessera.tables.TableSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code cluster-maps} job (Sattelberg et al. Table 1): how far a network can be simplified
 * into a few linear pieces. For each output j and each k, Spark MLlib k-means (k-means||, fixed
 * seed) clusters the training samples' local maps [w, b] in R^(d+1), unscaled; each test sample's
 * own map then picks its nearest centre per output, and the surrogate predicts argmax_j w . x + b.
 */
public final class ClusterMapsJob extends BaseJob<ClusterMapsConfig> {
  public static final String NAME = "cluster-maps";
  public static final String TABLE = "map_clusters";

  public ClusterMapsJob() {
    super(NAME, ClusterMapsConfig.class, CountUnit.TEST_SAMPLE, TABLE);
  }

  @Override
  public JobRun.Counts execute(JobRun run, ClusterMapsConfig cfg) {
    SparkSession spark = run.spark();
    Dataset<Row> maps = LocalMapsInput.read(spark, cfg.maps());
    Row first = maps.select("model_id", "gradient").first();
    String modelId = first.getString(0);
    int dim = first.getList(1).size();
    int outputs = maps.agg(org.apache.spark.sql.functions.max("output")).first().getInt(0) + 1;
    ValidatedInput.Rows input = ValidatedInput.load(run, InputSelection.of(cfg.input(), List.of(cfg.testSplit())), dim, false, 0);
    Dataset<Row> test = LocalMapsInput.samples(maps, input.valid(), cfg.testSplit(), cfg.maps(), cfg.input()).cache();
    long samples = test.count();
    Dataset<Row> train = maps.where(col("split").equalTo(cfg.trainSplit()))
        .withColumn("v", org.apache.spark.ml.functions.array_to_vector(concat(col("gradient").cast("array<double>"), array(col("bias")))))
        .select("sample_id", "output", "v")
        .repartition(cfg.partitions(), col("sample_id"))
        .sortWithinPartitions("sample_id")
        .cache();
    List<Row> out = new ArrayList<>();
    for (int k : cfg.ks()) {
      double[][][] centres = new double[outputs][][];
      int[] kept = new int[outputs];
      double[] cost = new double[outputs];
      for (int j = 0; j < outputs; j++) {
        Dataset<Row> rows = train.where(col("output").equalTo(j));
        if (rows.isEmpty()) {
          throw new TesseraException("no " + cfg.trainSplit() + " maps for output " + j + " in " + cfg.maps());
        }
        if (k == 1) {
          // MLlib's KMeans wants k >= 2; one centre is the mean map, its cost the total variance.
          Row stats = rows.select(Summarizer.metrics("mean", "variance", "count").summary(col("v")).as("s"))
              .select("s.mean", "s.variance", "s.count").first();
          centres[j] = new double[][] {((Vector) stats.get(0)).toArray()};
          cost[j] = Arrays.stream(((Vector) stats.get(1)).toArray()).sum() * (stats.getLong(2) - 1);
          kept[j] = 1;
          continue;
        }
        // The row solver: MLlib 4.1's blocked one (what "auto" picks for dense vectors) indexes past
        // its centres when k-means|| keeps fewer than k, as it does with fewer distinct maps than k.
        KMeansModel model = new KMeans().setK(k).setSeed(cfg.seed()).setMaxIter(cfg.maxIterations()).setTol(cfg.tolerance())
            .setSolver("row").setFeaturesCol("v").fit(rows);
        Vector[] c = model.clusterCenters();
        centres[j] = Arrays.stream(c).map(Vector::toArray).toArray(double[][]::new);
        kept[j] = c.length;
        cost[j] = model.summary().trainingCost();
      }
      Broadcast<double[][][]> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(centres);
      Row counts = test.mapPartitions(new SurrogateAccuracyPartition(SurrogateAccuracyPartition.nearestCentre(shared), outputs, dim),
              Encoders.row(SurrogateAccuracyPartition.COUNTS))
          .agg(org.apache.spark.sql.functions.sum("correct"), org.apache.spark.sql.functions.sum("original_correct")).first();
      shared.destroy();
      out.add(RowFactory.create(modelId, k, kept, cost, samples, counts.getLong(0) / (double) samples, counts.getLong(1) / (double) samples));
    }
    test.unpersist();
    train.unpersist();
    long rowsOut = run.stage(TABLE, spark.createDataFrame(out, TableSchema.load(TABLE).dataSchema()).coalesce(1));
    return new JobRun.Counts(samples, samples, 0);
  }
}
