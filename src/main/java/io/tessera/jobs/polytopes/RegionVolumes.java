package io.tessera.jobs.polytopes;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.tessera.math.BitPatterns;
import io.tessera.math.MlpWeights;
import io.tessera.math.Seeds;
import io.tessera.run.JoinKeys;
import io.tessera.run.LazyMap;
import io.tessera.run.ModelRef;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Monte Carlo volumes of 3-D regions: K uniform points in the box (point i drawn from its own
 * seeded stream, so the estimate does not depend on partitioning), counted per pattern hash.
 * A region hit n times gets volume V n / K with binomial standard error V sqrt(p (1 - p) / K),
 * p = n / K. Points whose region the search did not find are counted: a completeness check.
 */
final class RegionVolumes {
  private RegionVolumes() {}

  record Estimate(Dataset<Row> regions, long missedSamples) {}

  static Estimate estimate(SparkSession spark, ModelRef model, Dataset<Row> regions, int m, double lo, double hi,
      int samples, long seed, int partitions) {
    double box = Math.pow(hi - lo, m);
    Dataset<Long> hashes = spark.range(0, samples, 1, partitions).as(Encoders.LONG())
        .mapPartitions(new PointPatterns(model, lo, hi, seed), Encoders.LONG());
    Dataset<Row> counts = hashes.toDF("pattern_hash").groupBy("pattern_hash").count();
    long missed = counts.join(regions.select("pattern_hash"), JoinKeys.of("pattern_hash"), "left_anti")
        .agg(coalesce(sum("count"), lit(0L)))
        .first().getLong(0);
    Dataset<Row> withVolumes = regions.drop("measure", "measure_error")
        .join(counts, JoinKeys.of("pattern_hash"), "left")
        .selectExpr("*",
            String.format(java.util.Locale.ROOT, "%s * coalesce(count, 0) / %d AS measure", box + "D", samples),
            String.format(java.util.Locale.ROOT, "%s * sqrt((coalesce(count, 0) / %d) * (1 - coalesce(count, 0) / %d) / %d) AS measure_error",
                box + "D", samples, samples, samples))
        .drop(col("count"));
    return new Estimate(withVolumes, missed);
  }

  /** Pattern hash of each sample point. */
  private static final class PointPatterns implements MapPartitionsFunction<Long, Long> {
    private static final long serialVersionUID = 1L;
    private final ModelRef model;
    private final double lo;
    private final double hi;
    private final long seed;

    PointPatterns(ModelRef model, double lo, double hi, long seed) {
      this.model = model;
      this.lo = lo;
      this.hi = hi;
      this.seed = seed;
    }

    @Override
    public java.util.Iterator<Long> call(java.util.Iterator<Long> ids) {
      MlpWeights weights = model.reluMlp().weights();
      int[] widths = weights.hiddenWidths();
      return LazyMap.of(ids, id -> {
        SplittableRandom random = Seeds.forSample(seed, id, "region-volume");
        double[] x = new double[weights.inputDim()];
        for (int j = 0; j < x.length; j++) {
          x[j] = lo + (hi - lo) * random.nextDouble();
        }
        return BitPatterns.hash(BitPatterns.layers(weights.pattern(x), widths), widths);
      });
    }
  }
}
