package io.tessera.cli;

import io.tessera.cli.options.OutputRootOption;
import io.tessera.run.SparkSessions;
import io.tessera.tables.OutputRoot;
import io.tessera.tables.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tessera catalog}: the catalog statements for every Tessera table of an output root, from
 * its DDL in data-schemas/: CREATE TABLE ... USING parquet LOCATION (partitioned by run id, so
 * that a query on one run reads only that run's files) and a partition scan.
 */
@Command(name = "catalog", mixinStandardHelpOptions = true,
    description = "Print (or, with --execute, run) CREATE TABLE ... USING parquet LOCATION statements for every Tessera table of an output root.")
final class CatalogCommand implements Callable<Integer> {
  @Mixin OutputRootOption outputRoot;

  @Option(names = "--database", defaultValue = "tessera", description = "Database the tables go in. Default: ${DEFAULT-VALUE}.")
  String database;

  @Option(names = "--execute", description = "Run the statements in the Spark session's catalog (a Hive metastore when the session has one).")
  boolean execute;

  @Override
  public Integer call() {
    SparkSession spark = SparkSessions.getOrCreate();
    List<String> statements = statements(spark, outputRoot.root(), database);
    if (execute) {
      statements.forEach(spark::sql);
      System.out.println("registered " + TableSchema.OUTPUT_TABLES.size() + " tables in database " + database);
    } else {
      statements.forEach(s -> System.out.println(s + ";\n"));
    }
    return 0;
  }

  /**
   * CREATE DATABASE, then for every output table its CREATE TABLE (an empty table where the root
   * has none yet) and, for those the root holds, a partition scan.
   */
  static List<String> statements(SparkSession spark, String root, String database) {
    OutputRoot output = new OutputRoot(root, spark.sparkContext().hadoopConfiguration());
    String location = output.root().toString();
    java.util.Set<String> present = output.tables().keySet();
    List<String> statements = new ArrayList<>();
    statements.add("CREATE DATABASE IF NOT EXISTS " + database);
    for (String table : TableSchema.OUTPUT_TABLES) {
      statements.add(TableSchema.withoutComments(TableSchema.ddl(table)).trim().replaceAll(";$", "")
          .replace("${tessera.root}", location)
          .replaceFirst("CREATE TABLE IF NOT EXISTS " + table + "\\b", "CREATE TABLE IF NOT EXISTS " + database + "." + table));
      if (present.contains(table)) {
        statements.add("MSCK REPAIR TABLE " + database + "." + table);
      }
    }
    return statements;
  }
}
