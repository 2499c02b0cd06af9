package io.tessera.run.lifecycle;

import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress lines from long tasks, so that a slow or stuck sample shows in the logs: every
 * {@code tessera.heartbeat.seconds} (default 30; a JVM system property, read on each executor), a
 * daemon thread logs each task that has run that long: its job, partition, rows taken, elapsed
 * time and rate, and the id of the row it is on and for how long. A task that stops pulling rows keeps
 * being reported with a growing "for", which is what a stall looks like.
 */
public final class Heartbeat {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
  private static final long INTERVAL_SECONDS = Math.max(1, Long.getLong("tessera.heartbeat.seconds", 30));
  private static final Set<Watch> ACTIVE = ConcurrentHashMap.newKeySet();
  private static ScheduledExecutorService timer;

  private Heartbeat() {}

  /** A task's input, counted as Spark pulls it; outside a Spark task (a driver-side loop) it is returned as is. */
  public static <T> Iterator<T> watch(Iterator<T> source) {
    TaskContext task = TaskContext.get();
    if (task == null) {
      return source;
    }
    String job = task.getLocalProperty("spark.job.description");
    Watch watch = new Watch(job == null ? "stage " + task.stageId() : job, task.partitionId());
    ACTIVE.add(watch);
    task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) done -> ACTIVE.remove(watch));
    startTimer();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return source.hasNext();
      }

      @Override
      public T next() {
        T row = source.next();
        watch.took(row);
        return row;
      }
    };
  }

  private static synchronized void startTimer() {
    if (timer == null) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tessera-heartbeat");
        t.setDaemon(true);
        return t;
      });
      timer.scheduleAtFixedRate(Heartbeat::report, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
    }
  }

  private static void report() {
    long now = System.nanoTime();
    for (Watch w : ACTIVE) {
      if (now - w.started >= TimeUnit.SECONDS.toNanos(INTERVAL_SECONDS)) {
        LOG.info(w.describe(now));
      }
    }
  }

  /** One task's progress, written by the task thread and read by the timer. */
  private static final class Watch {
    private final String job;
    private final int partition;
    private final long started = System.nanoTime();
    private final AtomicLong taken = new AtomicLong();
    private volatile Object current;
    private volatile long currentSince = started;

    Watch(String job, int partition) {
      this.job = job;
      this.partition = partition;
    }

    void took(Object row) {
      taken.incrementAndGet();
      current = idOf(row);
      currentSince = System.nanoTime();
    }

    /** The column of a row's sample id, looked up once per task: -1 when there is none. */
    private int idColumn = -2;

    String describe(long now) {
      String on = current == null ? "" : String.format("; last took id %s, %d s ago", current, TimeUnit.NANOSECONDS.toSeconds(now - currentSince));
      double seconds = (now - started) / 1e9;
      return String.format(java.util.Locale.ROOT, "%s, partition %d: %d rows taken in %.0f s (%.1f rows/s)%s", job, partition,
          taken.get(), seconds, taken.get() / seconds, on);
    }

    /** A row's sample id where it has one ({@code id} or {@code sample_id}), else the element itself if it is a number. */
    private Object idOf(Object row) {
      if (row instanceof Row r && r.schema() != null) {
        if (idColumn == -2) {
          idColumn = r.schema().getFieldIndex("id").getOrElse(() -> r.schema().getFieldIndex("sample_id").getOrElse(() -> -1));
        }
        return idColumn >= 0 ? r.get(idColumn) : null;
      }
      return row instanceof Number ? row : null;
    }
  }
}
