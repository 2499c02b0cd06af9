package io.tessera.cli.report;

import io.tessera.TesseraException;
import io.tessera.report.GroupHistogram;
import io.tessera.report.LoglikHistogramFigure;
import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tessera report loglik}: histograms of per-sample log-likelihoods per dataset (cf. Tu Fig. 5C). */
@Command(name = "loglik", mixinStandardHelpOptions = true,
    description = "Draw histograms of per-sample log-likelihood estimates (diffusion_loglik mean), one per dataset, at one step size.")
final class ReportLoglikCommand extends FigureCommand {
  @Option(names = "--loglik", required = true, split = ",",
      description = "diffusion_loglik partitions (comma-separated), e.g. tessera-out/tu-fig5/diffusion_loglik/run_id=tu-fig5-circle.")
  List<String> partitions;

  @Option(names = "--h", defaultValue = "1", description = "The step size to draw. Default: ${DEFAULT-VALUE}.")
  int h;

  @Option(names = "--bins", defaultValue = "60", description = "Default: ${DEFAULT-VALUE}.")
  int bins;

  @Override
  String draw(SparkSession spark, String out) throws IOException {
    Dataset<Row> estimates = null;
    for (String partition : partitions) {
      Dataset<Row> one = spark.read().parquet(partition).where("h = " + h).select("dataset", "mean");
      estimates = estimates == null ? one : estimates.unionAll(one);
    }
    GroupHistogram histogram = GroupHistogram.of(estimates, bins);
    if (histogram.counts().isEmpty()) {
      throw new TesseraException("no rows with h = " + h + " in " + partitions);
    }
    LoglikHistogramFigure.write("log-likelihood per sample, h = " + h, histogram, out);
    return histogram.counts().keySet().toString();
  }
}
