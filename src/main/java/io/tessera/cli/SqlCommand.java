package io.tessera.cli;

import io.tessera.TesseraException;
import io.tessera.cli.options.OutputRootOption;
import io.tessera.run.SparkSessions;
import io.tessera.tables.ResultExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tessera sql}: every table under an output root as a view, then the query's result. */
@Command(name = "sql", mixinStandardHelpOptions = true, description = "Query the tables under an output root with Spark SQL.")
public final class SqlCommand implements Callable<Integer> {
  private static final int TABLE_ROWS = 50;

  @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "SQL to run (or use --file).")
  String query;

  @Option(names = "--file", paramLabel = "FILE", description = "File of ';'-separated statements ('-' or /dev/stdin: standard input); the last one's result is printed.")
  String file;

  @Mixin OutputRootOption outputRoot;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table (for a terminal), csv, tsv, json (one object per line) or parquet (needs --out). Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--out", paramLabel = "PATH", description = "Write the result to PATH (any Hadoop file system URI) instead of standard output; an existing PATH is refused.")
  String out;

  @Option(names = "--limit", paramLabel = "N", description = "Rows to print or write. Default: " + TABLE_ROWS + " for table, all rows for the other formats.")
  Integer limit;

  @Override
  public Integer call() throws IOException {
    ResultExport.Format as = io.tessera.EnumNames.parse(ResultExport.Format.class, format, "--format");
    if (limit != null && limit < 0) {
      throw new TesseraException("--limit must be >= 0, got " + limit);
    }
    if (as == ResultExport.Format.TABLE && out != null) {
      throw new TesseraException("--format table is for the terminal; with --out use csv, tsv, json or parquet");
    }
    if (as == ResultExport.Format.PARQUET && out == null) {
      throw new TesseraException("--format parquet cannot be streamed; give --out PATH");
    }
    List<String> statements = statements();
    SparkSession spark = SparkSessions.getOrCreate();
    outputRoot.open(spark).registerViews(spark);
    Dataset<Row> last = null;
    String where = null;
    for (int i = 0; i < statements.size(); i++) {
      where = "SQL statement " + (i + 1) + " of " + statements.size() + " (" + abbreviated(statements.get(i)) + ")";
      try {
        requireReadOnly(spark, statements.get(i), where);
        last = spark.sql(statements.get(i));
      } catch (Exception e) { // Scala throws the checked AnalysisException undeclared
        rethrowAsUsers(e, where);
        throw e;
      }
    }
    if (last == null || last.schema().isEmpty()) {
      return 0;
    }
    try {
      return show(last, as, spark);
    } catch (Exception e) { // the last statement's rows are computed here: SparkException is thrown undeclared
      rethrowAsUsers(e, where);
      throw e;
    }
  }

  /** Prints or writes the last statement's rows, computing them. */
  private int show(Dataset<Row> last, ResultExport.Format as, SparkSession spark) throws IOException {
    if (as == ResultExport.Format.TABLE && out == null) {
      last.show(limit == null ? TABLE_ROWS : limit, false);
      return 0;
    }
    Dataset<Row> rows = limit == null ? last : last.limit(limit);
    if (out != null) {
      long n = ResultExport.writeTo(rows, as, out, spark.sparkContext().hadoopConfiguration());
      System.err.println("tessera: wrote " + n + " rows to " + out);
    } else {
      ResultExport.write(rows, as, System.out);
    }
    return 0;
  }

  /**
   * The statement's own error as the user's: a parse or analysis error, or one the query raised
   * while running (a division by zero, a bad cast), which Spark gives a SQLSTATE outside class XX,
   * its internal errors. Anything else goes on as it is.
   */
  private static void rethrowAsUsers(Exception e, String where) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TesseraException) {
        return;
      }
      if (t instanceof AnalysisException
          || t instanceof org.apache.spark.SparkThrowable st && st.getSqlState() != null && !st.getSqlState().startsWith("XX")) {
        throw new TesseraException(where + ": " + reason(t), e);
      }
    }
  }

  /** Spark's own reason: the message's first non-blank line, or its error class when it has none. */
  private static String reason(Throwable e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    return message.lines().filter(l -> !l.isBlank()).findFirst()
        .orElse(e instanceof AnalysisException a && a.getCondition() != null ? a.getCondition() : e.getClass().getSimpleName());
  }

  private static String abbreviated(String statement) {
    String flat = statement.replaceAll("\\s+", " ");
    return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
  }

  /** Commands that read or only change session settings; every other command, and INSERT, could write. */
  private static final java.util.Set<String> READ_ONLY_COMMANDS = java.util.Set.of("SetCommand", "ResetCommand", "ShowTables",
      "ShowTablesExtended", "ShowViews", "ShowColumns", "ShowFunctions", "DescribeRelation", "DescribeColumn", "DescribeFunction",
      "DescribeQueryCommand", "ExplainCommand");

  /**
   * The tables are results: the command runs queries, never writes. Each statement is parsed
   * first, and anything that is not a query or a read-only command is refused before it runs.
   */
  static void requireReadOnly(SparkSession spark, String statement, String where) {
    org.apache.spark.sql.catalyst.plans.logical.LogicalPlan plan;
    try {
      plan = spark.sessionState().sqlParser().parsePlan(statement);
    } catch (Exception e) { // ParseException is checked in Scala's eyes only; it surfaces when the statement runs
      return;
    }
    String kind = plan.getClass().getSimpleName();
    boolean writes = plan instanceof org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement
        || plan instanceof org.apache.spark.sql.catalyst.plans.logical.Command && !READ_ONLY_COMMANDS.contains(kind);
    if (writes) {
      throw new TesseraException(where + ": the sql command is read-only, and " + kind
          + " could change tables or the catalog; run queries (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN) only");
    }
  }

  private List<String> statements() throws IOException {
    if ((query == null) == (file == null)) {
      throw new TesseraException("give either a QUERY or --file, not both or neither");
    }
    String text;
    if (query != null) {
      text = query;
    } else if (file.equals("-")) {
      text = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } else {
      Path path = Path.of(file);
      // Not only regular files: /dev/stdin and named pipes are how a shell pipeline hands over a script.
      if (!Files.isReadable(path) || Files.isDirectory(path)) {
        throw new TesseraException("SQL file not found or not readable: " + file);
      }
      text = Files.readString(path);
    }
    List<String> statements = SqlStatements.split(text);
    if (statements.isEmpty()) {
      throw new TesseraException("no SQL statement to run");
    }
    return statements;
  }
}
