package io.tessera.cli.options;

import io.tessera.tables.OutputRoot;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** The --root option of commands that read the tables under an output root. */
public final class OutputRootOption {
  @Option(names = "--root", defaultValue = "tessera-out", description = "Output root. Default: ${DEFAULT-VALUE}.")
  String root;

  public String root() {
    return root;
  }

  /** The output root on the session's file system. */
  public OutputRoot open(SparkSession spark) {
    return new OutputRoot(root, spark.sparkContext().hadoopConfiguration());
  }
}
