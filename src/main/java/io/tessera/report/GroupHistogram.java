package io.tessera.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Counts of a value in equal bins over its whole range, per group, computed by Spark: only the
 * range and the bins x groups counts reach the driver, never the per-sample values.
 *
 * @param counts per group, the count of each bin
 */
public record GroupHistogram(double lo, double width, Map<String, long[]> counts) {
  /** Bins {@code v} of rows (group STRING, v DOUBLE); NaN and infinite values are left out. */
  public static GroupHistogram of(Dataset<Row> groupAndValue, int bins) {
    Dataset<Row> finite = groupAndValue.toDF("g", "v").where("NOT isnan(v) AND v > double('-Infinity') AND v < double('Infinity')");
    Row range = finite.agg(functions.min("v"), functions.max("v")).first();
    double lo = range.isNullAt(0) ? 0 : range.getDouble(0);
    double hi = range.isNullAt(1) ? 1 : range.getDouble(1);
    double width = hi > lo ? (hi - lo) / bins : 1;
    Map<String, long[]> counts = new TreeMap<>();
    List<Row> cells = finite.selectExpr("g", "least(" + (bins - 1) + ", CAST(floor((v - " + lo + ") / " + width + ") AS INT)) AS b")
        .groupBy("g", "b").count().collectAsList();
    for (Row cell : cells) {
      counts.computeIfAbsent(cell.getString(0), g -> new long[bins])[cell.getInt(1)] += cell.getLong(2);
    }
    return new GroupHistogram(lo, width, counts);
  }

  public int bins() {
    return counts.values().stream().findFirst().map(c -> c.length).orElse(0);
  }

  /** The value at the middle of bin b. */
  public double centre(int b) {
    return lo + (b + 0.5) * width;
  }
}
