package io.tessera.data;

import io.tessera.TesseraException;
import io.tessera.tables.AtomicParquet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A regular resolution x resolution grid over [lo, hi]^2 as a dataset (split "grid"), generated
 * by the executors from row ids so that no point list ever sits on the driver.
 */
public final class GridDataset {
  private GridDataset() {}

  public static Dataset<Row> create(SparkSession spark, int resolution, double lo, double hi, int partitions) {
    if (resolution < 2 || !(hi > lo)) {
      throw new TesseraException("grid needs resolution >= 2 and hi > lo, got " + resolution + " over [" + lo + ", " + hi + "]");
    }
    double step = (hi - lo) / (resolution - 1);
    return spark
        .range(0, (long) resolution * resolution, 1, partitions)
        .selectExpr(
            "id",
            "'grid' AS split",
            "CAST(NULL AS INT) AS label",
            "CAST(NULL AS DOUBLE) AS target",
            String.format("array(CAST(%.17g + (id %% %d) * %.17g AS FLOAT), CAST(%.17g + (id DIV %d) * %.17g AS FLOAT)) AS features",
                lo, resolution, step, lo, resolution, step));
  }

  public static void write(SparkSession spark, int resolution, double lo, double hi, String uri, boolean overwrite) {
    int partitions = Math.max(2, (int) ((long) resolution * resolution / 250_000));
    AtomicParquet.write(spark, create(spark, resolution, lo, hi, partitions), uri, overwrite);
  }
}
