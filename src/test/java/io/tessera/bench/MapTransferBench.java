package io.tessera.bench;

import io.tessera.jobs.localmaps.NormalEquations;
import io.tessera.math.LeastSquaresMap;
import io.tessera.run.SparkSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * map-transfer at d = 784 (MNIST maps, p = 785): the time to accumulate C^T C and C^T D over n
 * paired maps on embedded Spark, against the same sums in one plain loop, and the time of the
 * minimum-norm solve, with the matrix sizes. Run with bench/map-transfer.
 */
public final class MapTransferBench {
  private MapTransferBench() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int d = 784;
    int p = d + 1;
    Random random = new Random(1);
    List<Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rows.add(RowFactory.create(floats(random, d), random.nextGaussian(), floats(random, d), random.nextGaussian()));
    }
    StructType schema = new StructType()
        .add("from_gradient", DataTypes.createArrayType(DataTypes.FloatType)).add("from_bias", DataTypes.DoubleType)
        .add("to_gradient", DataTypes.createArrayType(DataTypes.FloatType)).add("to_bias", DataTypes.DoubleType);
    SparkSession spark = SparkSessions.getOrCreate();
    Dataset<Row> pairs = spark.createDataFrame(rows, schema).repartition(spark.sparkContext().defaultParallelism()).cache();
    pairs.count();
    NormalEquations.accumulate(pairs, p); // warm-up
    long start = System.nanoTime();
    NormalEquations sums = NormalEquations.accumulate(pairs, p);
    double spark1 = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    double[][] gram = new double[p][p];
    double[][] cross = new double[p][p];
    for (Row r : rows) {
      double[] c = vector((float[]) r.get(0), r.getDouble(1), p);
      double[] e = vector((float[]) r.get(2), r.getDouble(3), p);
      for (int i = 0; i < p; i++) {
        for (int k = 0; k < p; k++) {
          gram[i][k] += c[i] * c[k];
          cross[i][k] += c[i] * e[k];
        }
      }
    }
    double loop = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    LeastSquaresMap s = LeastSquaresMap.of(sums.gram(), 0, 1e-10);
    s.map(sums.cross());
    double solve = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "map-transfer, one output: C and D are %d x %d; C^T C and C^T D are %d x %d (%.1f MB each); %d cores%n",
        n, p, p, p, p * (double) p * 8 / 1e6, Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "accumulate on Spark: %.2f s; the same sums in one loop: %.2f s; loop / Spark = %.2fx%n", spark1, loop, loop / spark1);
    System.out.printf(Locale.ROOT, "minimum-norm solve (symmetric eigen-decomposition, EJML): %.2f s, rank %d%n", solve, s.rank());
    spark.stop();
  }

  private static float[] floats(Random random, int d) {
    float[] v = new float[d];
    for (int k = 0; k < d; k++) {
      v[k] = (float) random.nextGaussian();
    }
    return v;
  }

  private static double[] vector(float[] w, double b, int p) {
    double[] v = new double[p];
    for (int k = 0; k < p - 1; k++) {
      v[k] = w[k];
    }
    v[p - 1] = b;
    return v;
  }
}
