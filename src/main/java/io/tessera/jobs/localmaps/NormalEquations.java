package io.tessera.jobs.localmaps;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * G = C^T C and H = C^T D summed over paired maps on the executors (each partition adds its rows
 * into one p x p pair, then a tree reduction), C's rows [from_gradient, from_bias] and D's
 * [to_gradient, to_bias]. Row-major p x p arrays travel, never the rows themselves.
 */
public record NormalEquations(double[][] gram, double[][] cross, long rows) {
  public static NormalEquations accumulate(Dataset<Row> pairs, int p) {
    // Each partition allocates its own sums: a zero value passed to treeAggregate would travel,
    // 2 p^2 doubles (9.9 MB at d = 784), inside every task.
    double[] sums = pairs.select("from_gradient", "from_bias", "to_gradient", "to_bias").toJavaRDD()
        .mapPartitions(rows -> {
          double[] acc = new double[2 * p * p + 1];
          while (rows.hasNext()) {
            add(acc, rows.next(), p);
          }
          return List.of(acc).iterator();
        })
        .treeReduce((x, y) -> {
          for (int i = 0; i < x.length; i++) {
            x[i] += y[i];
          }
          return x;
        });
    double[][] gram = new double[p][p];
    double[][] cross = new double[p][p];
    for (int r = 0; r < p; r++) {
      System.arraycopy(sums, r * p, gram[r], 0, p);
      System.arraycopy(sums, p * p + r * p, cross[r], 0, p);
    }
    return new NormalEquations(gram, cross, (long) sums[2 * p * p]);
  }

  private static void add(double[] acc, Row r, int p) {
    double[] c = vector(r.getList(0), r.getDouble(1), p);
    double[] d = vector(r.getList(2), r.getDouble(3), p);
    for (int i = 0; i < p; i++) {
      if (c[i] == 0) {
        continue;
      }
      for (int k = 0; k < p; k++) {
        acc[i * p + k] += c[i] * c[k];
        acc[p * p + i * p + k] += c[i] * d[k];
      }
    }
    acc[2 * p * p]++;
  }

  private static double[] vector(List<Float> w, double b, int p) {
    double[] v = new double[p];
    for (int k = 0; k < p - 1; k++) {
      v[k] = w.get(k);
    }
    v[p - 1] = b;
    return v;
  }
}
