package io.tessera.cli.report;

import io.tessera.cli.options.OutputRootOption;
import io.tessera.report.RunReport;
import io.tessera.run.SparkSessions;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tessera report --run ID}: one self-contained HTML page for runs; the subcommands draw single figures as PNG files. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write an HTML report of runs (--run), or draw one figure (a subcommand).",
    subcommands = {ReportRegionsCommand.class, ReportGradientsCommand.class, ReportDualSpaceCommand.class,
        ReportRocCommand.class, ReportLoglikCommand.class, ReportInpaintingCommand.class, ReportLatentCommand.class,
        ReportPersistenceCommand.class})
public final class ReportCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--run", split = ",", description = "Run ids (comma-separated) for the HTML report.")
  List<String> runs;

  @Mixin OutputRootOption outputRoot;

  @Option(names = "--out", defaultValue = "report.html", description = "HTML file to write, a local path or a Hadoop URI. Default: ${DEFAULT-VALUE}.")
  String out;

  @Override
  public Integer call() throws IOException {
    if (runs == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "give --run ID for an HTML report, or name a figure: regions, gradients, dual-space, roc, loglik or inpainting");
    }
    RunReport.write(SparkSessions.getOrCreate(), outputRoot.root(), runs, out);
    System.out.println("wrote " + out + " (" + runs.size() + " runs)");
    return 0;
  }
}
