package io.tessera.cli.report;

import io.tessera.TesseraException;
import io.tessera.report.DualSpaceFigure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tessera report dual-space}: the local maps of a 2-input network as points (w1, w2). */
@Command(name = "dual-space", mixinStandardHelpOptions = true,
    description = "Draw a 2-input network's local maps as points (w1, w2), coloured by output (cf. Sattelberg Fig. 4).")
final class ReportDualSpaceCommand extends FigureCommand {
  @Option(names = "--maps", required = true, description = "A local_maps partition of a 2-input model.")
  String maps;

  @Override
  String draw(SparkSession spark, String out) throws IOException {
    List<Row> rows = io.tessera.jobs.localmaps.LocalMapsInput.read(spark, maps).select("model_id", "output", "gradient").collectAsList();
    int outputs = rows.stream().mapToInt(r -> r.getInt(1)).max().orElse(-1) + 1;
    List<List<double[]>> points = new ArrayList<>();
    for (int o = 0; o < outputs; o++) {
      points.add(new ArrayList<>());
    }
    for (Row r : rows) {
      List<Float> g = r.getList(2);
      if (g.size() != 2) {
        throw new TesseraException(maps + " holds maps of " + g.size() + " inputs; the dual-space figure is for 2-input models");
      }
      points.get(r.getInt(1)).add(new double[] {g.get(0), g.get(1)});
    }
    List<double[][]> weights = points.stream().map(p -> p.toArray(double[][]::new)).toList();
    DualSpaceFigure.write(rows.get(0).getString(0) + ": local maps of " + rows.size() / outputs + " samples", weights, out);
    return rows.size() + " maps";
  }
}
