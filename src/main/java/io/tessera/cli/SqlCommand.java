package io.tessera.cli;

import io.tessera.TesseraException;
import io.tessera.cli.options.OutputRootOption;
import io.tessera.run.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
  @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "SQL to run (or use --file).")
  String query;

  @Option(names = "--file", paramLabel = "FILE", description = "File of ';'-separated statements; the last one's result is printed.")
  Path file;

  @Mixin OutputRootOption outputRoot;

  @Option(names = "--limit", defaultValue = "50", description = "Rows to print. Default: ${DEFAULT-VALUE}.")
  int limit;

  @Override
  public Integer call() throws IOException {
    List<String> statements = statements();
    SparkSession spark = SparkSessions.getOrCreate();
    outputRoot.open(spark).registerViews(spark);
    Dataset<Row> last = null;
    for (int i = 0; i < statements.size(); i++) {
      try {
        requireReadOnly(spark, statements.get(i), i + 1, statements.size());
        last = spark.sql(statements.get(i));
      } catch (Exception e) { // Scala throws the checked AnalysisException undeclared
        if (e instanceof AnalysisException) {
          // Parse and analysis errors are the user's: their first line names the problem and where.
          throw new TesseraException("SQL statement " + (i + 1) + " of " + statements.size() + ": "
              + e.getMessage().lines().findFirst().orElse(""), e);
        }
        throw e;
      }
    }
    if (last != null && last.schema().nonEmpty()) {
      last.show(limit, false);
    }
    return 0;
  }

  /** Commands that read or only change session settings; every other command, and INSERT, could write. */
  private static final java.util.Set<String> READ_ONLY_COMMANDS = java.util.Set.of("SetCommand", "ResetCommand", "ShowTables",
      "ShowTablesExtended", "ShowViews", "ShowColumns", "ShowFunctions", "DescribeRelation", "DescribeColumn", "DescribeFunction",
      "DescribeQueryCommand", "ExplainCommand");

  /**
   * The tables are results: the command runs queries, never writes. Each statement is parsed
   * first, and anything that is not a query or a read-only command is refused before it runs.
   */
  static void requireReadOnly(SparkSession spark, String statement, int index, int count) {
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
      throw new TesseraException("SQL statement " + index + " of " + count + ": the sql command is read-only, and " + kind
          + " could change tables or the catalog; run queries (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN) only");
    }
  }



  private List<String> statements() throws IOException {
    if ((query == null) == (file == null)) {
      throw new TesseraException("give either a QUERY or --file, not both or neither");
    }
    if (file != null && !Files.isRegularFile(file)) {
      throw new TesseraException("SQL file not found: " + file);
    }
    String text = file == null ? query : Files.readString(file);
    List<String> statements = new ArrayList<>();
    for (String part : text.split(";")) {
      if (!part.isBlank()) {
        statements.add(part.trim());
      }
    }
    if (statements.isEmpty()) {
      throw new TesseraException("no SQL statement to run");
    }
    return statements;
  }
}
