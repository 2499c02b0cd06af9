package io.tessera.tables;

import io.tessera.TesseraException;
import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a whole Parquet table (a dataset) to a hidden sibling directory and renames it into place
 * when complete, so a failed write never leaves a partial table at the target path.
 */
public final class AtomicParquet {
  private AtomicParquet() {}

  public static void write(SparkSession spark, Dataset<Row> rows, String uri, boolean overwrite) {
    io.tessera.AllowedRoots.check("output", uri);
    Path target = new Path(uri);
    Path staging = new Path(target.getParent(), "_staging-" + target.getName() + "-" + System.nanoTime());
    try {
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(target) && !overwrite) {
        throw new TesseraException(uri + " already exists; pass --overwrite to replace it");
      }
      try {
        rows.write().mode(SaveMode.ErrorIfExists).parquet(staging.toString());
        if (fs.exists(target)) {
          fs.delete(target, true);
        }
        if (!fs.rename(staging, target)) {
          throw new TesseraException("could not move the finished table into " + uri);
        }
      } finally {
        if (fs.exists(staging)) {
          fs.delete(staging, true);
        }
      }
    } catch (IOException e) {
      throw new TesseraException("cannot write " + uri + ": " + e.getMessage(), e);
    }
  }
}
