package io.tessera.pipeline;

import io.tessera.TesseraException;
import io.tessera.tables.RunRecord;
import io.tessera.tables.RunsTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What each stage of a pipeline last completed with: a key (a hash of its settings and of the
 * inputs it read) in {@code <output>/_pipeline/<run_id>/<stage>}, written after the stage
 * succeeded and removed before it runs again, so a key on file always describes published outputs.
 */
public final class PipelineLedger {
  private final SparkSession spark;
  private final String output;
  private final Path dir;

  public PipelineLedger(SparkSession spark, String output, String runId) {
    this.spark = spark;
    this.output = output;
    this.dir = new Path(output, "_pipeline/" + runId);
  }

  /** Whether the stage last completed with exactly this key and its runs row says SUCCEEDED. */
  public boolean upToDate(String stage, String stageRunId, String key) {
    return upToDate(stage, key) && succeeded(stageRunId);
  }

  /** For stages without a runs row (the report): whether it last completed with exactly this key. */
  public boolean upToDate(String stage, String key) {
    return key.equals(recorded(stage));
  }

  public void forget(String stage) {
    try {
      fs().delete(new Path(dir, stage), false);
    } catch (IOException e) {
      throw new TesseraException("cannot update the pipeline ledger " + dir + ": " + e.getMessage(), e);
    }
  }

  public void record(String stage, String key) {
    try (FSDataOutputStream out = fs().create(new Path(dir, stage), true)) {
      out.write(key.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new TesseraException("cannot update the pipeline ledger " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The key the stage last succeeded with, or null. */
  public String recorded(String stage) {
    Path file = new Path(dir, stage);
    try {
      FileSystem fs = fs();
      if (!fs.exists(file)) {
        return null;
      }
      try (var in = fs.open(file)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new TesseraException("cannot read the pipeline ledger " + file + ": " + e.getMessage(), e);
    }
  }

  private boolean succeeded(String stageRunId) {
    Path runs = new Path(output, RunsTable.NAME + "/run_id=" + stageRunId);
    try {
      if (!fs().exists(runs)) {
        return false;
      }
    } catch (IOException e) {
      throw new TesseraException("cannot read " + runs + ": " + e.getMessage(), e);
    }
    Row row = spark.read().parquet(runs.toString()).select("status").first();
    return RunRecord.SUCCEEDED.equals(row.getString(0));
  }

  private FileSystem fs() throws IOException {
    return dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
  }
}
