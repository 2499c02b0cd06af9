package io.tessera.run.lifecycle;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Test hooks for the atomic-output and executor-loss promises. With the Spark setting
 * {@value #PARTITION} = p, the task writing partition p of every staged table fails after its
 * first row, half-way through the write; with {@value #DELAY} = ms, every such task first waits
 * that long, so that a test can kill an executor while tasks are still running; with {@value #CHUNK}
 * = k, chunk k of a checkpointed stage fails before it starts, after others may have finished; with
 * the system property {@value #SLOW_SAMPLE}, one sample of a time-limited job is slow.
 * Unset (always, outside tests), tables pass through untouched.
 */
public final class FaultInjection implements MapPartitionsFunction<Row, Row> {
  public static final String PARTITION = "spark.tessera.test.failPartition";
  public static final String DELAY = "spark.tessera.test.taskDelayMillis";
  public static final String CHUNK = "spark.tessera.test.failChunk";
  /** A JVM system property "id:millis": the sample with that id first sleeps that long, inside its time limit. */
  public static final String SLOW_SAMPLE = "tessera.test.slowSample";
  private static final long serialVersionUID = 1L;

  private final int partition;
  private final long delayMillis;

  private FaultInjection(int partition, long delayMillis) {
    this.partition = partition;
    this.delayMillis = delayMillis;
  }

  public static Dataset<Row> apply(SparkSession spark, Dataset<Row> rows) {
    String fail = spark.conf().get(PARTITION, "");
    String delay = spark.conf().get(DELAY, "");
    if (fail.isEmpty() && delay.isEmpty()) {
      return rows;
    }
    return rows.mapPartitions(new FaultInjection(fail.isEmpty() ? -1 : Integer.parseInt(fail), delay.isEmpty() ? 0 : Long.parseLong(delay)),
        Encoders.row(rows.schema()));
  }

  /** Sleeps when {@value #SLOW_SAMPLE} names this sample, so that a test can make one sample pass its time limit. */
  public static void slowSample(long id) {
    String[] slow = System.getProperty(SLOW_SAMPLE, "").split(":");
    if (slow.length == 2 && Long.parseLong(slow[0]) == id) {
      try {
        Thread.sleep(Long.parseLong(slow[1]));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Fails chunk {@code chunk} of a checkpointed stage when {@value #CHUNK} names it. */
  static void beforeChunk(SparkSession spark, int chunk) {
    if (String.valueOf(chunk).equals(spark.conf().get(CHUNK, ""))) {
      throw new IllegalStateException("fault injected by " + CHUNK + " in chunk " + chunk);
    }
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) throws InterruptedException {
    Thread.sleep(delayMillis);
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
