package io.tessera.run;

import io.tessera.ConfigException;
import io.tessera.Errors;
import io.tessera.TesseraException;
import io.tessera.TesseraVersion;
import io.tessera.config.ConfigLoader;
import io.tessera.data.DatasetFingerprint;
import io.tessera.model.DjlRuntime;
import io.tessera.run.lifecycle.Checkpoints;
import io.tessera.run.lifecycle.FaultInjection;
import io.tessera.run.lifecycle.Termination;
import io.tessera.tables.OutputRoot;
import io.tessera.tables.RunRecord;
import io.tessera.tables.RunsTable;
import io.tessera.tables.TableSchema;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One execution of a job: it stages every output table, publishes them together only when the
 * body succeeds, and records the run in the runs table either way (FAILED with the reason).
 */
public final class JobRun {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private final SparkSession spark;
  private final OutputRoot root;
  private final String runId;
  private final Description description;
  private final String config;
  private final Instant started = Instant.now();
  private final Map<String, Long> stagedRows = new java.util.LinkedHashMap<>(); // each staged table, with its row count once known
  private volatile String phase = "starting";
  private boolean ended; // guarded by this: the run's thread and the shutdown hook race to end it once
  private Checkpoints checkpoints;
  private long resumedRows;

  private JobRun(SparkSession spark, OutputRoot root, String runId, Description description, String config) {
    this.spark = spark;
    this.root = root;
    this.runId = runId;
    this.description = description;
    this.config = config;
  }

  /**
   * What a job reports back, in its {@link CountUnit}: units taken, units with results in the main
   * table, units refused. Every run keeps rowsIn = rowsOut + rowsRejected.
   */
  public record Counts(long rowsIn, long rowsOut, long rowsRejected) {}

  /** What the caller gets: the run id, the counts, the published partitions, and the rows a resumed run kept from its earlier attempt. */
  public record Result(String runId, Counts counts, List<String> outputs, long millis, long rowsResumed) {}

  /**
   * Identifies the run in the runs table: the job, what its counts count, and its main table (whose
   * rows the record gives as table_rows; null for a run that stages none). With {@code resume}, a
   * run of an existing run id keeps the checkpoints its stopped or failed attempt left
   * (docs/guarantees.md, Checkpoints).
   */
  public record Description(String job, CountUnit unit, String mainTable, Object config, String input, String model, String requestedRunId,
      String output, boolean resume) {}

  public static Result execute(SparkSession spark, Description d, Function<JobRun, Counts> body) {
    String runId = d.requestedRunId() != null
        ? OutputRoot.checkRunId(d.requestedRunId())
        : d.job() + "-" + STAMP.format(Instant.now()) + "-" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
    io.tessera.AllowedRoots.check("output", d.output());
    OutputRoot root = new OutputRoot(d.output(), spark.sparkContext().hadoopConfiguration());
    if (d.resume() && d.requestedRunId() == null) {
      throw new ConfigException("--resume needs the run_id of the run to resume (set run_id)");
    }
    JobRun run = new JobRun(spark, root, runId, d, ConfigLoader.canonicalJson(d.config()));
    root.discardExcept(runId, d.resume() ? Checkpoints.DIR : null); // what an earlier attempt staged never leaks into this one
    run.phase("starting"); // Spark jobs before the first stage carry this run's name, not the previous run's
    try (Termination.Registration stop = Termination.register(run::stopped)) {
      Counts counts = body.apply(run);
      if (counts.rowsIn() != counts.rowsOut() + counts.rowsRejected()) {
        throw new IllegalStateException(d.job() + " counted " + counts.rowsIn() + " " + d.unit().label() + "s in but " + counts.rowsOut()
            + " out and " + counts.rowsRejected() + " rejected: rows_in = rows_out + rows_rejected must hold"
            + " (docs/tables.md, What the counts count)");
      }
      synchronized (run) {
        if (run.ended) {
          throw new TesseraException("run " + runId + " was stopped");
        }
        run.phase("publishing");
        List<String> outputs = root.publish(runId, new ArrayList<>(run.stagedRows.keySet()));
        String note = run.resumedRows == 0 ? null : "resumed: " + run.resumedRows + " rows kept from an earlier attempt's checkpoints";
        RunsTable.append(root, run.record(RunRecord.SUCCEEDED, note, counts, outputs));
        root.discard(runId); // scratch files and checkpoints
        run.ended = true;
        return new Result(runId, counts, outputs, Instant.now().toEpochMilli() - run.started.toEpochMilli(), run.resumedRows);
      }
    } catch (Exception e) { // Scala code throws SparkException, a checked exception, undeclared
      if (Termination.stopping()) {
        throw new TesseraException("run " + runId + " was stopped", e); // the shutdown hook records it
      }
      synchronized (run) {
        run.ended = true;
        root.discardExcept(runId, Checkpoints.DIR);
        // Failures inside Spark (an unreadable Parquet footer, say) arrive wrapped; their innermost
        // message names the file and the reason, which is what the user needs to see. Anything that
        // is not the user's error is a bug, and keeps its stack trace.
        TesseraException user = Errors.userError(e);
        RuntimeException failure = user != null ? user
            : new IllegalStateException("run " + runId + " of " + d.job() + " failed: " + Errors.rootMessage(e), e);
        try {
          RunsTable.append(root, run.record(RunRecord.FAILED, failure.getMessage(), new Counts(0, 0, 0), List.of()));
        } catch (RuntimeException recordFailure) {
          failure.addSuppressed(recordFailure);
        }
        throw failure;
      }
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
  }

  /**
   * On the shutdown thread, when the JVM is told to stop mid-run: the run's Spark jobs are
   * cancelled, its staging area removed and a FAILED record written (the driver writes it, so no
   * free task slot is needed), before Spark itself stops.
   */
  private synchronized void stopped(String reason) {
    if (ended) {
      return;
    }
    ended = true;
    String message = reason + " while " + phase;
    if (!spark.sparkContext().isStopped()) {
      spark.sparkContext().cancelAllJobs();
    }
    root.discardExcept(runId, Checkpoints.DIR);
    RunsTable.append(root, record(RunRecord.FAILED, message, new Counts(0, 0, 0), List.of()));
    System.err.println("tessera: run " + runId + " of " + description.job() + " " + message + "; recorded as FAILED in "
        + root.root() + "/" + RunsTable.NAME + ", nothing published");
  }

  /** What the run is doing now, for the record of a stopped run and for Spark's job descriptions (UI, logs). */
  public void phase(String what) {
    phase = what;
    spark.sparkContext().setJobDescription(description.job() + " " + runId + ": " + what);
  }

  /** Partitions for {@code tasks} independent work items: the configured count, or up to 4 per core (0 configured). */
  public int taskPartitions(int configured, int tasks) {
    return configured > 0 ? configured : Math.max(1, Math.min(tasks, spark.sparkContext().defaultParallelism() * 4));
  }

  public SparkSession spark() {
    return spark;
  }

  public String runId() {
    return runId;
  }

  /** Stages one table of this run; it becomes visible only when the whole run succeeds. */
  public long stage(String table, Dataset<Row> rows) {
    phase("computing " + table);
    root.stage(table, runId, FaultInjection.apply(spark, rows));
    long count = staged(table).count();
    stagedRows.put(table, count);
    return count;
  }

  /**
   * Stages {@code table} as {@code partition} mapped over {@code input} in checkpointed chunks (one
   * Spark job each; {@code partitions} of them, or four per task slot when 0): what a stopped
   * attempt of this run finished is kept, and a resumed attempt maps only the rest.
   */
  public long stageCheckpointed(String table, Dataset<Row> input, MapPartitionsFunction<Row, Row> partition, int partitions) {
    phase("computing " + table);
    return stage(table, checkpointed(table, input, partition, TableSchema.rowEncoder(table), partitions));
  }

  /**
   * {@code partition} mapped over {@code input} (rows with an {@code id} column) in checkpointed
   * chunks named {@code name}, as {@link #stageCheckpointed} does, for a job that stages the rows
   * together with others.
   */
  public Dataset<Row> checkpointed(String name, Dataset<Row> input, MapPartitionsFunction<Row, Row> partition, Encoder<Row> encoder,
      int partitions) {
    if (checkpoints == null) {
      String data = description.input() == null ? "" : DatasetFingerprint.of(description.input(), spark.sparkContext().hadoopConfiguration());
      checkpoints = new Checkpoints(spark, root, runId, ConfigLoader.sha256(config + "\n" + data));
    }
    int chunks = partitions > 0 ? partitions : 4 * spark.sparkContext().defaultParallelism();
    Checkpoints.Outcome outcome = checkpoints.map(name, input, partition, encoder, chunks);
    resumedRows += outcome.keptRows();
    return outcome.rows();
  }

  /** Adds quarantined rows to this run's staged {@code _rejects}. */
  public void appendRejects(Dataset<Row> rows) {
    stagedRows.putIfAbsent(OutputRoot.REJECTS, null); // appended to, not counted here
    root.append(OutputRoot.REJECTS, runId, rows);
  }

  /** Moves a staged table into scratch space, unstaged, and returns its rows read from there. */
  public Dataset<Row> unstage(String table) {
    String aside = scratchPath("unstaged-" + table);
    root.move(root.stagingPath(table, runId), new org.apache.hadoop.fs.Path(aside));
    stagedRows.remove(table);
    return spark.read().parquet(aside);
  }

  /** A directory for intermediate files of this run, removed with its staging area. */
  public String scratchPath(String name) {
    return root.stagingPath("_scratch/" + name, runId).toString();
  }

  /** A table this run has staged, read back from its staging files. */
  public Dataset<Row> staged(String table) {
    return spark.read().parquet(root.stagingPath(table, runId).toString());
  }

  private RunRecord record(String status, String message, Counts counts, List<String> outputs) {
    Description d = description;
    Long tableRows = status.equals(RunRecord.SUCCEEDED) && d.mainTable() != null ? stagedRows.get(d.mainTable()) : null;
    return new RunRecord(
        runId, d.job(), status, message, config, ConfigLoader.sha256(config), d.input(), d.model(), modelDigest(d.model()), started,
        Instant.now(), d.unit().label(), counts.rowsIn(), counts.rowsOut(), counts.rowsRejected(), tableRows, outputs, versions());
  }

  /** The model's SHA-256, or null when there is none or it cannot be read (a run that failed on a missing model, say). */
  private String modelDigest(String model) {
    if (model == null) {
      return null;
    }
    try {
      return io.tessera.model.ModelDigest.sha256(model, spark.sparkContext().hadoopConfiguration());
    } catch (TesseraException | IllegalArgumentException unreadable) {
      return null;
    }
  }

  private static Map<String, String> versions() {
    return Map.of(
        "tessera", TesseraVersion.current(),
        "spark", org.apache.spark.package$.MODULE$.SPARK_VERSION(),
        "djl", ai.djl.engine.Engine.getDjlVersion(),
        "pytorch", DjlRuntime.version(),
        "java", System.getProperty("java.version"));
  }
}
