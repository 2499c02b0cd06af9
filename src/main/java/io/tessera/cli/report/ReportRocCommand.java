package io.tessera.cli.report;

import io.tessera.TesseraException;
import io.tessera.report.OodRocFigure;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tessera report roc}: ROC curves of an lmd run's scores. */
@Command(name = "roc", mixinStandardHelpOptions = true,
    description = "Draw ROC curves of an lmd run (ood_scores): a chart per distance, a curve per split against the in-domain split.")
final class ReportRocCommand extends FigureCommand {
  @Option(names = "--scores", required = true, description = "An ood_scores partition, e.g. tessera-out/ood_scores/run_id=<id>.")
  String scores;

  @Option(names = "--in-domain", required = true, description = "The in-distribution split.")
  String inDomain;

  @Override
  String draw(SparkSession spark, String out) throws IOException {
    Map<String, double[]> in = new TreeMap<>();
    Map<String, Map<String, double[]>> outOfDomain = new TreeMap<>();
    for (Row r : spark.read().parquet(scores)
        .groupBy("distance", "split").agg(org.apache.spark.sql.functions.collect_list("score").as("scores")).collectAsList()) {
      String distance = r.getString(0);
      String split = r.getString(1);
      double[] values = r.<Double>getList(2).stream().mapToDouble(Double::doubleValue).toArray();
      if (split.equals(inDomain)) {
        in.put(distance, values);
      } else {
        outOfDomain.computeIfAbsent(distance, d -> new TreeMap<>()).put(split, values);
      }
    }
    if (in.isEmpty() || outOfDomain.isEmpty()) {
      throw new TesseraException(scores + " needs scores of split '" + inDomain + "' and of at least one other split");
    }
    OodRocFigure.write(inDomain, in, outOfDomain, out);
    return outOfDomain.size() + " distances";
  }
}
