package io.tessera.cli;

import picocli.CommandLine.Command;

/** {@code tessera report}: figures drawn from the tables, as PNG files. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Draw figures from the tables (PNG).",
    subcommands = {ReportRunCommand.class, ReportRegionsCommand.class, ReportGradientsCommand.class, ReportDualSpaceCommand.class, ReportRocCommand.class,
        ReportLoglikCommand.class, ReportInpaintingCommand.class})
final class ReportCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a report: run (HTML), or a figure: regions, gradients, dual-space, roc, loglik or inpainting");
  }
}
