package io.tessera.cli.report;

import io.tessera.run.SparkSessions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A {@code tessera report <figure>} command: one PNG, named after the figure unless --out says otherwise. */
abstract class FigureCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--out", paramLabel = "PNG", description = "PNG to write. Default: the figure's name, e.g. roc.png for `report roc`.")
  private Path out;

  /** Draws the figure into {@code png} and says what it drew, e.g. "3 distances". */
  abstract String draw(SparkSession spark, Path png) throws IOException;

  @Override
  public final Integer call() throws IOException {
    Path png = out != null ? out : Path.of(spec.name() + ".png");
    String drawn = draw(SparkSessions.getOrCreate(), png);
    System.out.println("wrote " + png + " (" + drawn + ")");
    return 0;
  }
}
