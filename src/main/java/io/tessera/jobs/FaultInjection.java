package io.tessera.jobs;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A test hook for the atomic-output promise: with the Spark setting {@value #PARTITION} = p, the
 * task writing partition p of every staged table fails after its first row, half-way through
 * the write. Unset (always, outside tests), tables pass through untouched.
 */
final class FaultInjection implements MapPartitionsFunction<Row, Row> {
  static final String PARTITION = "spark.tessera.test.failPartition";
  private static final long serialVersionUID = 1L;

  private final int partition;

  private FaultInjection(int partition) {
    this.partition = partition;
  }

  static Dataset<Row> apply(SparkSession spark, Dataset<Row> rows) {
    String setting = spark.conf().get(PARTITION, "");
    return setting.isEmpty() ? rows : rows.mapPartitions(new FaultInjection(Integer.parseInt(setting)), Encoders.row(rows.schema()));
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    if (TaskContext.getPartitionId() != partition) {
      return rows;
    }
    return new Iterator<>() {
      private boolean emitted;

      @Override
      public boolean hasNext() {
        if (emitted) {
          throw new IllegalStateException("fault injected by " + PARTITION + " in partition " + partition + " after its first row");
        }
        return rows.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        emitted = true;
        return rows.next();
      }
    };
  }
}
