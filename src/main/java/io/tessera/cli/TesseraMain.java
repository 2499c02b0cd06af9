package io.tessera.cli;

import io.tessera.ConfigException;
import io.tessera.Errors;
import io.tessera.InputException;
import io.tessera.ModelException;
import io.tessera.TesseraException;
import io.tessera.TesseraVersion;
import io.tessera.cli.report.ReportCommand;
import io.tessera.cli.reproduce.ReproduceCommand;
import io.tessera.cli.reproduce.ReproduceLmdCommand;
import io.tessera.cli.reproduce.ReproduceSattelbergCommand;
import io.tessera.cli.reproduce.ReproduceSreehariCommand;
import io.tessera.cli.reproduce.ReproduceJinCommand;
import io.tessera.cli.reproduce.ReproduceTuCommand;
import io.tessera.cli.train.TrainAutoencoderCommand;
import io.tessera.cli.train.TrainCommand;
import io.tessera.cli.train.TrainDiffusionCommand;
import io.tessera.run.lifecycle.Termination;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tessera} command line, for bin/tessera (embedded Spark) and spark-submit alike. Exit
 * status: 0 success, 2 a user's error (bad config, input or model; an unknown command or option),
 * 70 a bug in Tessera (docs/commands.md).
 */
@Command(
    name = "tessera",
    mixinStandardHelpOptions = true,
    versionProvider = TesseraMain.Version.class,
    description = "Measures the geometry of trained neural networks over datasets, on Spark and DJL.",
    subcommands = {
      QuickstartCommand.class,
      RunCommand.class,
      TrainCommand.class,
      GenerateCommand.class,
      ImportMnistCommand.class,
      SqlCommand.class,
      ReportCommand.class,
      ReproduceCommand.class,
      ReproduceSattelbergCommand.class,
      TrainDiffusionCommand.class,
      TrainAutoencoderCommand.class,
      ReproduceTuCommand.class, ReproduceJinCommand.class,
      ReproduceLmdCommand.class,
      ReproduceSreehariCommand.class,
      CatalogCommand.class,
      PipelineCommand.class
    })
public final class TesseraMain implements Runnable {
  /** Exit status of a config, input or model error, and of an unknown command or option. */
  public static final int USER_ERROR = 2;
  /** Exit status of a bug in Tessera (EX_SOFTWARE of sysexits.h). */
  public static final int BUG = 70;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Exits only on failure. On success it stops Spark and returns: under YARN cluster mode the
   * ApplicationMaster runs this method and must see it return, or it records the application as
   * failed (a System.exit(0) there reads as exit code 16); spark-submit and bin/tessera then end.
   * A failure under YARN cluster mode is thrown rather than exited: the ApplicationMaster puts a
   * thrown exception's message in the application's diagnostics, where a System.exit leaves only
   * an exit code.
   */
  public static void main(String[] args) {
    StringWriter said = new StringWriter();
    int status = execute(new PrintWriter(new Tee(said), true), args);
    if (status != 0) {
      if ("yarn".equals(System.getProperty("spark.master")) && "cluster".equals(System.getProperty("spark.submit.deployMode"))) {
        throw new IllegalStateException(said.toString().lines().findFirst().orElse("tessera failed") + " (exit status " + status + ")");
      }
      System.exit(status);
    }
    org.apache.spark.sql.SparkSession.getDefaultSession().foreach(spark -> {
      spark.stop();
      return null;
    });
  }

  /** Standard error, also kept in {@code copy}. */
  private static final class Tee extends java.io.Writer {
    private final PrintWriter err = new PrintWriter(System.err, true);
    private final StringWriter copy;

    Tee(StringWriter copy) {
      this.copy = copy;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      err.write(chars, offset, length);
      copy.write(chars, offset, length);
    }

    @Override
    public void flush() {
      err.flush();
    }

    @Override
    public void close() {
      err.flush();
    }
  }

  /** Runs the command line and returns the exit status, without exiting (for tests and spark-submit). */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.err, true), args);
  }

  public static int execute(PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new TesseraMain());
    cli.setErr(err);
    cli.setExecutionExceptionHandler(TesseraMain::report);
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static int report(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    if (e instanceof CommandLine.ParameterException usage) {
      err.println("tessera: " + usage.getMessage());
      usage.getCommandLine().usage(err);
      err.flush();
      return usage.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
    }
    if (Termination.stopping()) {
      return USER_ERROR; // the JVM is exiting on a signal with its own status; the shutdown hook said what became of the run
    }
    TesseraException cause = Errors.userError(e);
    if (cause != null) {
      err.println("tessera: " + kind(cause) + "error: " + cause.getMessage());
      err.flush();
      return USER_ERROR;
    }
    err.println("tessera: internal error: " + Errors.rootMessage(e)
        + " (this is a bug in Tessera, not a problem with your input; please report it with the stack trace below)");
    e.printStackTrace(err);
    err.flush();
    return BUG;
  }

  /** "config ", "input ", "model " or "" for other user errors. */
  static String kind(TesseraException e) {
    return e instanceof ConfigException ? "config " : e instanceof InputException ? "input " : e instanceof ModelException ? "model " : "";
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"tessera " + TesseraVersion.current()};
    }
  }
}
