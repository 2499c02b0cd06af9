package io.tessera.cli.report;

import io.tessera.InputException;
import io.tessera.cli.options.OutputRootOption;
import io.tessera.jobs.topology.PersistenceJob;
import io.tessera.report.PersistenceFigure;
import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tessera report persistence}: the persistence diagram and the barcode of one draw of a persistence run. */
@Command(name = "persistence", mixinStandardHelpOptions = true,
    description = "Draw the persistence diagram and the barcode of one cloud's draw in a persistence run, side by side.")
final class ReportPersistenceCommand extends FigureCommand {
  @Option(names = "--run", required = true, description = "The persistence run id.")
  String run;

  @Option(names = "--cloud", required = true, description = "The point cloud's name in the run's config.")
  String cloud;

  @Option(names = "--repeat", defaultValue = "0", description = "Which draw. Default: ${DEFAULT-VALUE}.")
  int repeat;

  @Mixin OutputRootOption outputRoot;

  @Override
  String draw(SparkSession spark, String out) throws IOException {
    String table = outputRoot.root() + "/" + PersistenceJob.TABLE + "/run_id=" + run;
    List<Row> rows = spark.read().parquet(table).where(org.apache.spark.sql.functions.col("cloud").equalTo(cloud))
        .where(org.apache.spark.sql.functions.col("repeat").equalTo(repeat))
        .select("dimension", "birth", "death", "threshold", "used_points", "covering_radius").collectAsList();
    if (rows.isEmpty()) {
      throw new InputException(table + " has no draw " + repeat + " of cloud '" + cloud + "'");
    }
    List<PersistenceFigure.Interval> intervals = PersistenceFigure.intervals(rows);
    Row first = rows.get(0);
    String title = String.format(java.util.Locale.ROOT, "%s, draw %d (%d points, eps_cov %.3g)", cloud, repeat, first.getInt(4), first.getDouble(5));
    PersistenceFigure.write(title, intervals, first.getDouble(3), out);
    return intervals.size() + " intervals";
  }
}
