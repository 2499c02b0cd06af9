package io.tessera.cli;

import io.tessera.jobs.SparkSessions;
import io.tessera.report.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tessera report run}: one self-contained HTML page for one or more runs. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Write one self-contained HTML page for runs: their runs-table records, summary tables and figures (PNG inlined).")
final class ReportRunCommand implements Callable<Integer> {
  @Option(names = "--root", defaultValue = "tessera-out", description = "Output root. Default: ${DEFAULT-VALUE}.")
  String root;

  @Option(names = "--run", required = true, split = ",", description = "Run ids (comma-separated).")
  List<String> runs;

  @Option(names = "--out", defaultValue = "report.html", description = "HTML file to write. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Override
  public Integer call() throws IOException {
    RunReport.write(SparkSessions.getOrCreate(), root, runs, out);
    System.out.println("wrote " + out + " (" + runs.size() + " runs)");
    return 0;
  }
}
