package io.tessera.tables;

import io.tessera.TesseraException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The directory under which jobs publish tables: {@code <root>/<table>/run_id=<id>/part-*.parquet}.
 * A run writes into {@code <root>/_staging/<id>/<table>} and renames each table into place only
 * after every table of the job is complete, so readers never see a partial result: Spark and
 * {@link #tables()} skip names starting with '_'.
 */
public final class OutputRoot {
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,127}");

  /** Quarantined input rows; a leading '_' keeps it out of globs over result tables. */
  public static final String REJECTS = "_rejects";

  private static final String STAGING = "_staging";

  private final Path root;
  private final FileSystem fs;

  public OutputRoot(String uri, Configuration conf) {
    try {
      Path path = new Path(uri);
      this.fs = path.getFileSystem(conf);
      this.root = fs.makeQualified(path);
    } catch (IOException e) {
      throw new TesseraException("cannot open output root " + uri + ": " + e.getMessage(), e);
    }
  }

  /** Run ids become directory names and partition values, so they start with a letter (read back as strings). */
  public static String checkRunId(String runId) {
    if (!RUN_ID.matcher(runId).matches()) {
      throw new TesseraException("invalid run_id '" + runId + "': use a letter followed by letters, digits, '.', '_' or '-'");
    }
    return runId;
  }

  public Path root() {
    return root;
  }

  public FileSystem fileSystem() {
    return fs;
  }

  private Path table(String table) {
    return new Path(root, table);
  }

  public Path partition(String table, String runId) {
    return new Path(table(table), "run_id=" + runId);
  }

  public Path stagingPath(String table, String runId) {
    return new Path(stagingRun(runId), table);
  }

  private Path stagingRun(String runId) {
    return new Path(new Path(root, STAGING), runId);
  }

  /** Writes one run's rows (without the run_id column) to the table's staging directory. */
  public void stage(String table, String runId, Dataset<Row> rows) {
    rows.write().mode(SaveMode.Overwrite).parquet(stagingPath(table, runId).toString());
  }

  /** Adds rows to a table's staging directory. */
  public void append(String table, String runId, Dataset<Row> rows) {
    rows.write().mode(SaveMode.Append).parquet(stagingPath(table, runId).toString());
  }

  /** Renames {@code from} to {@code to} within this root's file system. */
  public void move(Path from, Path to) {
    try {
      fs.mkdirs(to.getParent());
      if (!fs.rename(from, to)) {
        throw new TesseraException("could not move " + from + " to " + to);
      }
    } catch (IOException e) {
      throw new TesseraException("could not move " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }

  /**
   * Moves staged partitions into place; an earlier partition of the same run id is replaced. The
   * run's staging area goes when nothing else is left in it ({@link #discard} clears the rest).
   */
  public List<String> publish(String runId, List<String> tables) {
    List<String> published = new ArrayList<>();
    try {
      for (String table : tables) {
        Path target = partition(table, runId);
        if (fs.exists(target)) {
          fs.delete(target, true);
        }
        fs.mkdirs(target.getParent());
        if (!fs.rename(stagingPath(table, runId), target)) {
          throw new TesseraException("could not publish " + target + " (rename from staging failed)");
        }
        published.add(target.toString());
      }
      deleteIfEmpty(stagingRun(runId));
      deleteIfEmpty(new Path(root, STAGING));
      return published;
    } catch (IOException e) {
      throw new TesseraException("could not publish run " + runId + " under " + root + ": " + e.getMessage(), e);
    }
  }

  /** Removes whatever a failed run staged; best effort, since the failure being reported matters more. */
  public void discard(String runId) {
    discardExcept(runId, null);
  }

  /**
   * Removes what a run staged except the directory {@code kept} of its staging area (a stopped
   * run's checkpoints, kept for --resume); best effort, like {@link #discard}.
   */
  public void discardExcept(String runId, String kept) {
    try {
      Path run = stagingRun(runId);
      if (kept != null && fs.exists(new Path(run, kept))) {
        for (org.apache.hadoop.fs.FileStatus child : fs.listStatus(run)) {
          if (!child.getPath().getName().equals(kept)) {
            fs.delete(child.getPath(), true);
          }
        }
        return;
      }
      fs.delete(run, true);
      deleteIfEmpty(new Path(root, STAGING));
    } catch (IOException ignored) {
      // Staging directories are invisible to readers; a leftover one costs only disk space.
    }
  }

  private void deleteIfEmpty(Path dir) throws IOException {
    if (fs.exists(dir) && fs.listStatus(dir).length == 0) {
      fs.delete(dir, false);
    }
  }

  /**
   * Every Parquet table under the root, by view name: a child directory holding Parquet files or
   * run partitions is a table; a child holding such tables (like {@code datasets/}) contributes
   * {@code <child>_<table>}. Names starting with '_' or '.' are skipped, except the quarantine
   * table {@code _rejects}, which is registered as {@code rejects}.
   */
  public Map<String, Path> tables() {
    try {
      if (!fs.exists(root)) {
        throw new TesseraException("output root not found: " + root);
      }
      Map<String, Path> tables = new TreeMap<>();
      for (Path child : visibleDirectories(root)) {
        if (isParquetTable(child)) {
          tables.put(viewName(child.getName()), child);
        } else {
          for (Path grandchild : visibleDirectories(child)) {
            if (isParquetTable(grandchild)) {
              tables.put(viewName(child.getName() + "_" + grandchild.getName()), grandchild);
            }
          }
        }
      }
      Path rejects = table(REJECTS);
      if (fs.exists(rejects)) {
        tables.put("rejects", rejects);
      }
      return tables;
    } catch (IOException e) {
      throw new TesseraException("cannot list output root " + root + ": " + e.getMessage(), e);
    }
  }

  private List<Path> visibleDirectories(Path dir) throws IOException {
    List<Path> dirs = new ArrayList<>();
    for (FileStatus status : fs.listStatus(dir)) {
      String name = status.getPath().getName();
      if (status.isDirectory() && !name.startsWith("_") && !name.startsWith(".")) {
        dirs.add(status.getPath());
      }
    }
    return dirs;
  }

  private boolean isParquetTable(Path dir) throws IOException {
    for (FileStatus status : fs.listStatus(dir)) {
      String name = status.getPath().getName();
      if (name.endsWith(".parquet") || (status.isDirectory() && name.startsWith("run_id="))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The published table {@code name} at {@code path}, read with its DDL's schema where
   * data-schemas/ has one: a partition written before a column was added (the runs table's unit
   * and table_rows, say) reads it as NULL, where Spark's own inference would keep or drop the
   * column for every partition depending on which file's footer it read.
   */
  public static Dataset<Row> read(SparkSession spark, String name, Path path) {
    var reader = spark.read();
    if (TableSchema.OUTPUT_TABLES.contains(name)) {
      reader = reader.schema(TableSchema.load(name).schema());
    }
    return reader.parquet(path.toString());
  }

  private static String viewName(String name) {
    return name.replaceAll("[^A-Za-z0-9_]", "_");
  }

  /** Registers every published table under this root as a temporary view of its own name; returns the names. */
  public List<String> registerViews(SparkSession spark) {
    List<String> names = new ArrayList<>();
    tables().forEach((name, path) -> {
      read(spark, name, path).createOrReplaceTempView(name);
      names.add(name);
    });
    return names;
  }
}
