package io.tessera.run.lifecycle;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import io.tessera.ConfigException;
import io.tessera.TesseraException;
import io.tessera.tables.OutputRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A per-sample stage computed in chunks that outlive a stopped or failed run (docs/guarantees.md,
 * Checkpoints). The input is split once into {@code chunks} parts by a hash of the sample id and
 * written to the run's staging area; each part is then mapped by its own Spark job, several at a
 * time so every task slot stays busy, and its output is kept there as soon as it is complete
 * (Spark's _SUCCESS marker). A resumed attempt of the same run maps only the parts without output.
 * The plan (chunk count and a fingerprint of the config and input) must match, or resuming is
 * refused. Nothing here is visible to readers: staging names start with '_'.
 */
public final class Checkpoints {
  /** The staging directory holding a run's checkpointed stages; a stopped or failed run keeps it. */
  public static final String DIR = "_checkpoints";
  private static final String CHUNK = "tessera_chunk";
  private static final String SUCCESS = "_SUCCESS";
  private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);

  private final SparkSession spark;
  private final OutputRoot root;
  private final String runId;
  private final String fingerprint;

  /** {@code fingerprint} identifies the config and input: checkpoints of another fingerprint are never reused. */
  public Checkpoints(SparkSession spark, OutputRoot root, String runId, String fingerprint) {
    this.spark = spark;
    this.root = root;
    this.runId = runId;
    this.fingerprint = fingerprint;
  }

  /** Every output row of a checkpointed stage, and how many of them a previous attempt had computed. */
  public record Outcome(Dataset<Row> rows, long keptRows) {}

  public Outcome map(String table, Dataset<Row> input, MapPartitionsFunction<Row, Row> partition, Encoder<Row> encoder, int chunks) {
    FileSystem fs = root.fileSystem();
    Path dir = root.stagingPath(DIR + "/" + table, runId);
    try {
      plan(fs, dir, chunks);
      Path inputDir = new Path(dir, "input");
      if (!fs.exists(new Path(inputDir, SUCCESS))) {
        input.withColumn(CHUNK, pmod(xxhash64(col("id")), lit(chunks))).write().mode(SaveMode.Overwrite).partitionBy(CHUNK)
            .parquet(inputDir.toString());
      }
      List<Integer> kept = new ArrayList<>();
      List<Integer> missing = new ArrayList<>();
      for (int k = 0; k < chunks; k++) {
        if (!fs.exists(new Path(inputDir, CHUNK + "=" + k))) {
          continue; // no sample hashed to this chunk
        }
        Path out = output(dir, k);
        if (fs.exists(new Path(out, SUCCESS))) {
          kept.add(k);
        } else {
          fs.delete(out, true); // an attempt stopped mid-write
          missing.add(k);
        }
      }
      long keptRows = kept.isEmpty() ? 0 : read(dir, kept, encoder).count();
      if (!kept.isEmpty()) {
        LOG.info("{} of run {}: {} of {} chunks ({} rows) kept from an earlier attempt; computing the other {}", table, runId,
            kept.size(), kept.size() + missing.size(), keptRows, missing.size());
      }
      compute(dir, inputDir, missing, partition, encoder);
      List<Integer> all = new ArrayList<>(kept);
      all.addAll(missing);
      Dataset<Row> rows = all.isEmpty() ? spark.createDataFrame(List.of(), encoder.schema()) : read(dir, all, encoder);
      return new Outcome(rows, keptRows);
    } catch (IOException e) {
      throw new TesseraException("checkpoints of " + table + " under " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Writes the plan, or checks that the existing one (from a stopped attempt) is the same. */
  private void plan(FileSystem fs, Path dir, int chunks) throws IOException {
    Path file = new Path(dir, "_plan");
    String plan = "chunks=" + chunks + "\nfingerprint=" + fingerprint + "\n";
    if (fs.exists(file)) {
      String earlier = new String(fs.open(file).readAllBytes(), StandardCharsets.UTF_8);
      if (!earlier.equals(plan)) {
        throw new ConfigException("cannot resume run " + runId + ": its checkpoints under " + dir
            + " were made with another config, input or partition count; run it again without --resume, or with a new run_id");
      }
      return;
    }
    fs.delete(dir, true);
    try (FSDataOutputStream out = fs.create(file, false)) {
      out.write(plan.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Maps the missing chunks, as many at a time as there are task slots; after a failure, no new chunk starts. */
  private void compute(Path dir, Path inputDir, List<Integer> missing, MapPartitionsFunction<Row, Row> partition, Encoder<Row> encoder) {
    if (missing.isEmpty()) {
      return;
    }
    String description = spark.sparkContext().getLocalProperty("spark.job.description");
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(missing.size(), Math.max(1, spark.sparkContext().defaultParallelism())));
    AtomicBoolean failed = new AtomicBoolean();
    List<Future<?>> jobs = new ArrayList<>();
    for (int k : missing) {
      jobs.add(pool.submit(() -> {
        if (failed.get()) {
          return;
        }
        try {
          FaultInjection.beforeChunk(spark, k);
          spark.sparkContext().setJobDescription((description == null ? "" : description + ", ") + "chunk " + k);
          spark.read().parquet(new Path(inputDir, CHUNK + "=" + k).toString()).mapPartitions(partition, encoder)
              .write().parquet(output(dir, k).toString());
        } catch (RuntimeException e) {
          failed.set(true);
          throw e;
        }
      }));
    }
    pool.shutdown();
    RuntimeException first = null;
    for (Future<?> job : jobs) {
      try {
        job.get();
      } catch (ExecutionException e) {
        if (first == null) {
          first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TesseraException("interrupted while waiting for chunks", e);
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private Dataset<Row> read(Path dir, List<Integer> chunks, Encoder<Row> encoder) {
    return spark.read().schema(encoder.schema()).parquet(chunks.stream().map(k -> output(dir, k).toString()).toArray(String[]::new));
  }

  private static Path output(Path dir, int chunk) {
    return new Path(new Path(dir, "output"), String.valueOf(chunk));
  }
}
