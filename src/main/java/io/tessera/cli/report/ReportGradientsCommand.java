package io.tessera.cli.report;

import io.tessera.TesseraException;
import io.tessera.report.GradientFigure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tessera report gradients}: one input's gradient images across models and outputs. */
@Command(name = "gradients", mixinStandardHelpOptions = true,
    description = "Draw one sample's gradients as images, a row per model and a column per output (cf. Sattelberg Fig. 7).")
final class ReportGradientsCommand extends FigureCommand {
  @Option(names = "--maps", required = true, split = ",", description = "local_maps partitions, one per model (comma-separated).")
  List<String> maps;

  @Option(names = "--sample", required = true, description = "The sample id.")
  long sample;

  @Override
  String draw(SparkSession spark, String out) throws IOException {
    List<String> models = new ArrayList<>();
    float[][][] gradients = new float[maps.size()][][];
    int side = -1;
    for (int m = 0; m < maps.size(); m++) {
      List<Row> rows = io.tessera.jobs.localmaps.LocalMapsInput.read(spark, maps.get(m)).where("sample_id = " + sample).orderBy("output").collectAsList();
      if (rows.isEmpty()) {
        throw new TesseraException("sample " + sample + " is not in " + maps.get(m));
      }
      models.add(rows.get(0).getString(rows.get(0).fieldIndex("model_id")));
      gradients[m] = new float[rows.size()][];
      for (int o = 0; o < rows.size(); o++) {
        List<Float> g = rows.get(o).getList(rows.get(o).fieldIndex("gradient"));
        gradients[m][o] = new float[g.size()];
        for (int k = 0; k < g.size(); k++) {
          gradients[m][o][k] = g.get(k);
        }
      }
      int d = gradients[m][0].length;
      side = (int) Math.round(Math.sqrt(d));
      if (side * side != d) {
        throw new TesseraException("gradients of " + d + " inputs are not square images; this figure is for image inputs such as MNIST");
      }
    }
    GradientFigure.write(models, gradients, side, out);
    return "sample " + sample + ", " + maps.size() + " models";
  }
}
