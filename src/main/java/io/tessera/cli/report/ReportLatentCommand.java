package io.tessera.cli.report;

import io.tessera.TesseraException;
import io.tessera.cli.options.OutputRootOption;
import io.tessera.jobs.latent.LatentGeometryJob;
import io.tessera.report.LatentFieldFigure;
import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tessera report latent}: heatmaps of a 2-D latent-geometry run's curvature, volume element and density. */
@Command(name = "latent", mixinStandardHelpOptions = true,
    description = "Draw R, log10 sqrt(det g) and the density (rho_ins with a reference split, else rho_info) over a latent-geometry run's"
        + " 2-D grid, with the encoded samples and the mass-like points on top.")
final class ReportLatentCommand extends FigureCommand {
  @Option(names = "--run", required = true, description = "The latent-geometry run id.")
  String run;

  @Mixin OutputRootOption outputRoot;

  @Option(names = "--max-samples", defaultValue = "1500", description = "Codes drawn at most (a seeded subset). Default: ${DEFAULT-VALUE}.")
  int maxSamples;

  @Override
  String draw(SparkSession spark, String out) throws IOException {
    String root = outputRoot.root();
    String points = root + "/" + LatentGeometryJob.TABLE + "/run_id=" + run;
    Row summary = spark.read().parquet(root + "/" + LatentGeometryJob.SUMMARY + "/run_id=" + run).first();
    if (summary.<Integer>getAs("latent_dim") != 2 || summary.<Integer>getAs("resolution") == 0) {
      throw new TesseraException("run " + run + " has latent dimension " + summary.getAs("latent_dim") + " and grid resolution "
          + summary.getAs("resolution") + "; the figure draws 2-D grids");
    }
    List<Row> grid = spark.read().parquet(points).where("point_kind = 'grid'")
        .selectExpr("z", "scalar_curvature", "log_sqrt_det_g / ln(10D)", "coalesce(rho_ins, rho_info)", "rho_ins IS NOT NULL")
        .orderBy("point_id").collectAsList();
    double[][] z = grid.stream().map(r -> doubles(r.getList(0))).toArray(double[][]::new);
    boolean insufficiency = grid.stream().anyMatch(r -> r.getBoolean(4));
    List<LatentFieldFigure.Field> fields = List.of(
        new LatentFieldFigure.Field("scalar curvature R", column(grid, 1)),
        new LatentFieldFigure.Field("log10 sqrt(det g)", column(grid, 2)),
        new LatentFieldFigure.Field(insufficiency ? "rho_ins (data deficit)" : "rho_info (code density)", column(grid, 3)));
    double[][] samples = spark.read().parquet(points).where("point_kind = 'sample'").orderBy(org.apache.spark.sql.functions.expr("xxhash64(point_id)"))
        .limit(maxSamples).select("z").collectAsList().stream().map(r -> doubles(r.getList(0))).toArray(double[][]::new);
    double[][] mass = summary.<Row>getList(summary.fieldIndex("mass_points")).stream().map(m -> doubles(m.getList(1))).toArray(double[][]::new);
    List<Double> lo = summary.getList(summary.fieldIndex("box_lo"));
    List<Double> hi = summary.getList(summary.fieldIndex("box_hi"));
    int resolution = summary.getAs("resolution");
    double[] cell = {(hi.get(0) - lo.get(0)) / resolution, (hi.get(1) - lo.get(1)) / resolution};
    LatentFieldFigure.write(fields, z, cell, samples, mass, out);
    return grid.size() + " grid points, " + samples.length + " codes, " + mass.length + " mass points";
  }

  private static double[] column(List<Row> rows, int k) {
    return rows.stream().mapToDouble(r -> r.isNullAt(k) ? Double.NaN : r.getDouble(k)).toArray();
  }

  private static double[] doubles(List<Object> values) {
    return values.stream().mapToDouble(v -> (Double) v).toArray();
  }
}
