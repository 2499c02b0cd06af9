package io.tessera.tables;

import io.tessera.TesseraException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;

/**
 * A query's result in a format other tools read (docs/commands.md, sql): CSV (RFC 4180: a header,
 * CRLF line ends, fields quoted when they hold a comma, quote or line break, quotes doubled; NULL
 * is an empty field and an empty string is ""), TSV (a header; tab, line breaks and backslash
 * written as \t, \n, \r and \\; NULL empty), JSON (one object per line, NULLs kept) or Parquet.
 * CSV and TSV values are Spark's own casts to string (arrays as [1, 2], structs as {1, [2]}).
 */
public final class ResultExport {
  /** What the sql command can print or write. */
  public enum Format { TABLE, CSV, TSV, JSON, PARQUET }

  private ResultExport() {}

  /** Streams {@code rows} to {@code out} in a text format; returns the rows written. */
  public static long write(Dataset<Row> rows, Format format, OutputStream out) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    long n = 0;
    if (format == Format.JSON) {
      Column object = functions.to_json(functions.struct(Arrays.stream(rows.columns()).map(ResultExport::column).toArray(Column[]::new)),
          java.util.Map.of("ignoreNullFields", "false"));
      for (Iterator<Row> it = rows.select(object).toLocalIterator(); it.hasNext(); n++) {
        writer.write(it.next().getString(0));
        writer.write('\n');
      }
    } else if (format == Format.CSV || format == Format.TSV) {
      boolean csv = format == Format.CSV;
      String end = csv ? "\r\n" : "\n";
      String separator = csv ? "," : "\t";
      writer.write(String.join(separator, Arrays.stream(rows.columns()).map(c -> field(c, csv)).toList()));
      writer.write(end);
      Column[] asText = Arrays.stream(rows.columns()).map(c -> column(c).cast("string").as(c)).toArray(Column[]::new);
      for (Iterator<Row> it = rows.select(asText).toLocalIterator(); it.hasNext(); n++) {
        Row row = it.next();
        for (int i = 0; i < row.length(); i++) {
          if (i > 0) {
            writer.write(separator);
          }
          if (!row.isNullAt(i)) {
            writer.write(field(row.getString(i), csv));
          }
        }
        writer.write(end);
      }
    } else {
      throw new IllegalArgumentException(format + " is not a text format"); // the sql command refuses it before any query runs
    }
    writer.flush();
    return n;
  }

  /**
   * Writes {@code rows} to {@code path} through the Hadoop file system: Parquet as Spark's
   * directory of parts; a text format as one file, written beside the target and renamed into
   * place only once complete, so a failed query leaves no file a reader would take for a result.
   * An existing path is refused. Returns the rows written.
   */
  public static long writeTo(Dataset<Row> rows, Format format, String path, Configuration conf) throws IOException {
    Path target = new Path(path);
    FileSystem fs = target.getFileSystem(conf);
    if (fs.exists(target)) {
      throw new TesseraException("--out " + path + " already exists; remove it or choose another path");
    }
    if (format == Format.PARQUET) {
      rows.write().mode(SaveMode.ErrorIfExists).parquet(path);
      return rows.sparkSession().read().parquet(path).count(); // from the footers, not by running the query again
    }
    Path partial = new Path(target.getParent(), "." + target.getName() + ".partial-" + java.util.UUID.randomUUID());
    boolean done = false;
    try {
      long n;
      try (OutputStream out = fs.create(partial, false)) {
        n = write(rows, format, out);
      }
      if (!fs.rename(partial, target)) {
        throw new TesseraException("could not move the finished export to " + path);
      }
      done = true;
      return n;
    } finally {
      if (!done) {
        fs.delete(partial, false);
      }
    }
  }

  private static Column column(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }

  private static String field(String value, boolean csv) {
    if (!csv) {
      return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
    if (value.isEmpty() || value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
