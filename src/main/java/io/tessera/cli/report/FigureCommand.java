package io.tessera.cli.report;

import io.tessera.run.SparkSessions;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A {@code tessera report <figure>} command: one PNG, named after the figure unless --out says
 * otherwise. An --out with a scheme (hdfs://, s3a://) is written through Hadoop's FileSystem, so
 * a driver in a cluster container puts it where the user means.
 */
abstract class FigureCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--out", paramLabel = "PNG",
      description = "PNG to write, a local path or a Hadoop URI. Default: the figure's name, e.g. roc.png for `report roc`.")
  private String out;

  /** Draws the figure into {@code png} (a local path or a Hadoop URI) and says what it drew, e.g. "3 distances". */
  abstract String draw(SparkSession spark, String png) throws IOException;

  @Override
  public final Integer call() throws IOException {
    String png = out != null ? out : spec.name() + ".png";
    String drawn = draw(SparkSessions.getOrCreate(), png);
    System.out.println("wrote " + png + " (" + drawn + ")");
    return 0;
  }
}
