package io.tessera.jobs.topology;

import static org.apache.spark.sql.functions.col;

import io.tessera.InputException;
import io.tessera.data.DatasetIO;
import io.tessera.data.SyntheticDatasets;
import io.tessera.math.Precision;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Point clouds for the topology jobs: dataset sources are read and checked once on the driver (every
 * row's features present, finite and of one dimension, or the run fails naming the file, the column
 * and the sample id), and each task draws its repeat's points from the result or from a generator.
 */
final class PointClouds {
  /** Values a dataset source may hold: it is collected on the driver and broadcast, 2^27 floats = 512 MB. */
  static final long MAX_VALUES = 1L << 27;

  private PointClouds() {}

  /** The features of a dataset source, checked; refuses an empty selection and one too large to broadcast. */
  static float[][] load(SparkSession spark, PointSource source) {
    return load(spark, source, MAX_VALUES);
  }

  static float[][] load(SparkSession spark, PointSource source, long maxValues) {
    var rows = DatasetIO.read(spark, source.dataset());
    if (source.splits() != null) {
      rows = rows.where(col(DatasetIO.SPLIT).isin(source.splits().toArray()));
    }
    Row size = rows.selectExpr("count(*)", "sum(size(features))").first();
    if (!size.isNullAt(1) && size.getLong(1) > maxValues) {
      throw new InputException("input " + source.dataset() + ": " + size.getLong(0) + " rows of " + size.getLong(1) / Math.max(1, size.getLong(0))
          + " values are more than the " + maxValues + " a point source collects and broadcasts; select fewer rows with splits");
    }
    List<Row> collected = rows.select(DatasetIO.ID, DatasetIO.FEATURES).orderBy(DatasetIO.ID).collectAsList();
    if (collected.isEmpty()) {
      throw new InputException("input dataset " + source.dataset() + " is empty" + (source.splits() == null ? "" : " in splits " + source.splits()));
    }
    float[][] points = new float[collected.size()][];
    for (int i = 0; i < points.length; i++) {
      Row row = collected.get(i);
      scala.collection.Seq<Object> features = row.isNullAt(1) ? null : row.getSeq(1);
      String bad = features == null ? "column features is NULL" : null;
      if (bad == null) {
        points[i] = new float[features.size()];
        for (int k = 0; k < points[i].length && bad == null; k++) {
          Object value = features.apply(k);
          if (value == null || !Float.isFinite((Float) value)) {
            bad = "column features has a NULL, NaN or infinite value at index " + k;
          } else {
            points[i][k] = (Float) value;
          }
        }
      }
      if (bad == null && points[i].length != points[0].length) {
        bad = "column features has " + points[i].length + " values, the first row has " + points[0].length;
      }
      if (bad != null) {
        throw new InputException("input " + source.dataset() + ": sample id " + row.get(0) + ": " + bad);
      }
    }
    return points;
  }

  /**
   * The points of one repeat: a fresh draw of {@code n} from a generator, or {@code n} rows of a loaded
   * dataset without replacement, in random order (all of them, in id order, when n is 0).
   */
  static double[][] draw(PointSource source, float[][] loaded, int n, long seed) {
    float[][] picked;
    if (source.generated()) {
      picked = SyntheticDatasets.generate(SyntheticDatasets.Kind.parse(source.generate()), n, seed, 0).features();
    } else if (n == 0) {
      picked = loaded;
    } else {
      int[] order = new int[loaded.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      SplittableRandom random = new SplittableRandom(seed);
      picked = new float[n][];
      for (int i = 0; i < n; i++) { // the first n steps of a Fisher-Yates shuffle
        int j = i + random.nextInt(order.length - i);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
        picked[i] = loaded[order[i]];
      }
    }
    return java.util.Arrays.stream(picked).map(Precision::widen).toArray(double[][]::new);
  }

  /** A dataset source must hold the n points each repeat asks for. */
  static void requireSize(PointSource source, float[][] loaded, int n, String what) {
    if (!source.generated() && n > loaded.length) {
      throw new InputException(what + " asks for " + n + " points but " + source.describe() + " holds " + loaded.length);
    }
  }
}
