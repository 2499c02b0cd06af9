package io.tessera.data;

import io.tessera.TesseraException;
import io.tessera.math.Seeds;
import io.tessera.tables.AtomicParquet;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Three isotropic Gaussians (sigma 0.5) around N(0, I) centres in R^dim, label = id mod 3, made by
 * the executors from (seed, row id) alone: for datasets too large for the driver (a million
 * 784-d points is 3 GB), and identical whatever the partitioning.
 */
public final class MixtureDataset {
  private static final int COMPONENTS = 3;

  private MixtureDataset() {}

  public static Dataset<Row> create(SparkSession spark, long n, int dim, long seed, double testFraction, int partitions) {
    if (n <= 0 || dim <= 0) {
      throw new TesseraException("mixture needs n > 0 and dim > 0, got n " + n + ", dim " + dim);
    }
    if (!(testFraction >= 0 && testFraction < 1)) {
      throw new TesseraException("test fraction must be in [0, 1), got " + testFraction);
    }
    long train = n - Math.round(n * testFraction);
    return spark.range(0, n, 1, partitions).map((MapFunction<Long, Row>) id -> row(id, dim, seed, train), Encoders.row(DatasetIO.schema()));
  }

  public static void write(SparkSession spark, long n, int dim, long seed, double testFraction, String uri, boolean overwrite) {
    int partitions = (int) Math.max(2, n * dim / 10_000_000L);
    AtomicParquet.write(spark, create(spark, n, dim, seed, testFraction, partitions), uri, overwrite);
  }

  private static Row row(long id, int dim, long seed, long train) {
    int label = (int) (id % COMPONENTS);
    SplittableRandom centre = Seeds.forSample(seed, label, "mixture-centre");
    SplittableRandom noise = Seeds.forSample(seed, id, "mixture-point");
    float[] x = new float[dim];
    for (int k = 0; k < dim; k++) {
      x[k] = (float) (centre.nextGaussian() + 0.5 * noise.nextGaussian());
    }
    return RowFactory.create(id, id < train ? "train" : "test", label, null, x);
  }
}
