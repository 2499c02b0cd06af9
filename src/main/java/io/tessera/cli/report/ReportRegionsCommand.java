package io.tessera.cli.report;

import io.tessera.TesseraException;
import io.tessera.cli.options.OutputRootOption;
import io.tessera.jobs.polytopes.RegionsJob;
import io.tessera.report.RegionFigure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tessera report regions}: the 2-D decomposition figure of a regions run, as a PNG. */
@Command(name = "regions", mixinStandardHelpOptions = true,
    description = "Draw the regions of a 2-D `regions` run (PNG), coloured by pattern or output, with the decision boundary.")
final class ReportRegionsCommand extends FigureCommand {
  @Mixin OutputRootOption outputRoot;

  @Option(names = "--run-id", description = "The regions run to draw. Default: the latest successful one.")
  String runId;

  @Option(names = "--colour", defaultValue = "pattern", description = "pattern or output. Default: ${DEFAULT-VALUE}.")
  String colour;

  @Override
  String draw(SparkSession spark, String out) throws IOException {
    RegionFigure.Colouring colouring = switch (colour) {
      case "pattern" -> RegionFigure.Colouring.PATTERN;
      case "output" -> RegionFigure.Colouring.OUTPUT;
      default -> throw new TesseraException("--colour must be pattern or output, got '" + colour + "'");
    };
    List<String> tables = outputRoot.open(spark).registerViews(spark);
    if (!tables.contains(RegionsJob.TABLE) || !tables.contains("runs")) {
      throw new TesseraException("no regions table under " + outputRoot.root() + ": run `tessera run regions` first");
    }
    String run = runId != null ? runId : latestRun(spark);
    Row summary = only(spark.sql("SELECT dim, box_lo, box_hi, regions FROM " + RegionsJob.SUMMARY + " WHERE run_id = '" + run.replace("'", "''") + "'"), run);
    if (summary.getInt(0) != 2) {
      throw new TesseraException("run " + run + " enumerated a " + summary.getInt(0) + "-D box; figures are drawn for 2-D runs only");
    }
    List<RegionFigure.Region> regions = new ArrayList<>();
    for (Row r : spark.sql("SELECT pattern_hash, vertices, map_weight, map_bias FROM " + RegionsJob.TABLE
        + " WHERE run_id = '" + run.replace("'", "''") + "'").collectAsList()) {
      regions.add(new RegionFigure.Region(r.getLong(0), matrix(r.getList(1)), matrix(r.getList(2)),
          r.<Double>getList(3).stream().mapToDouble(Double::doubleValue).toArray()));
    }
    String title = String.format("%s: %d regions in [%s, %s]^2", run, regions.size(), summary.getDouble(1), summary.getDouble(2));
    RegionFigure.write(regions, summary.getDouble(1), summary.getDouble(2), colouring, title, out);
    return regions.size() + " regions of run " + run;
  }

  private static String latestRun(SparkSession spark) {
    List<Row> rows = spark.sql("SELECT run_id FROM runs WHERE job = '" + RegionsJob.NAME + "' AND status = 'SUCCEEDED' ORDER BY ended_at DESC LIMIT 1")
        .collectAsList();
    if (rows.isEmpty()) {
      throw new TesseraException("no successful regions run in the runs table");
    }
    return rows.get(0).getString(0);
  }

  private static Row only(Dataset<Row> rows, String run) {
    List<Row> list = rows.collectAsList();
    if (list.isEmpty()) {
      throw new TesseraException("no regions run with id " + run);
    }
    return list.get(0);
  }

  /** An ARRAY<ARRAY<DOUBLE>> cell: Row.getList gives the outer list, the inner arrays stay Scala sequences. */
  private static double[][] matrix(List<scala.collection.Seq<Double>> rows) {
    double[][] out = new double[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      scala.collection.Seq<Double> row = rows.get(i);
      out[i] = new double[row.size()];
      for (int k = 0; k < out[i].length; k++) {
        out[i][k] = row.apply(k);
      }
    }
    return out;
  }
}
