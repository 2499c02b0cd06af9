package io.tessera.report;

import io.tessera.HadoopFiles;
import io.tessera.tables.OutputRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One self-contained HTML page for one or more runs: each run's record from the runs table, every
 * summary table it published, and the figures its tables offer (PNG inlined as base64): active
 * units per split (patterns), mean Hamming distance against radius per split (perturbation-grid),
 * log10 Chebyshev radius per split (polytopes), the persistence diagram and barcode of each cloud's
 * first draw (persistence). Written through a temporary file.
 */
public final class RunReport {
  private static final int MAX_ROWS = 50;

  private RunReport() {}

  /** Writes the report to {@code html}: a local path or a Hadoop URI (a report next to tables on HDFS stays there). */
  public static void write(SparkSession spark, String root, List<String> runIds, String html) throws IOException {
    io.tessera.AllowedRoots.checkFile("report", html);
    org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
    Map<String, org.apache.hadoop.fs.Path> tables = new OutputRoot(root, conf).tables();
    StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Tessera report</title><style>"
        + "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:0.5em 0 1.5em}"
        + "td,th{border:1px solid #ccc;padding:2px 6px;font-size:90%}th{background:#eee}</style></head><body>");
    page.append("<h1>Tessera report</h1><p>Output root <code>").append(escape(root)).append("</code>; runs ")
        .append(escape(String.join(", ", runIds))).append(".</p>");
    for (String runId : runIds) {
      page.append("<h2>Run ").append(escape(runId)).append("</h2>");
      if (tables.containsKey("runs")) {
        page.append(table(OutputRoot.read(spark, "runs", tables.get("runs")).where(org.apache.spark.sql.functions.col("run_id").equalTo(runId))
            .select("job", "status", "message", "unit", "rows_in", "rows_out", "rows_rejected", "table_rows", "started_at", "ended_at")));
      }
      for (var entry : tables.entrySet()) {
        org.apache.hadoop.fs.Path partition = new org.apache.hadoop.fs.Path(entry.getValue(), "run_id=" + runId);
        if (entry.getKey().equals("runs") || !partition.getFileSystem(conf).exists(partition)) {
          continue;
        }
        Dataset<Row> rows = spark.read().parquet(partition.toString());
        figures(entry.getKey(), rows).forEach((title, chart) -> page.append("<h3>").append(escape(title)).append("</h3>")
            .append("<img alt=\"").append(escape(title)).append("\" src=\"data:image/png;base64,").append(png(chart)).append("\">"));
        if (entry.getKey().endsWith("_summary") || entry.getKey().equals("neighbour_agreement")) {
          page.append("<h3>").append(escape(entry.getKey())).append("</h3>").append(table(rows));
        }
      }
    }
    page.append("</body></html>\n");
    HadoopFiles.write(html, page.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The figures a table offers, by title. */
  private static Map<String, Chart<?, ?>> figures(String table, Dataset<Row> rows) {
    Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
    switch (table) {
      case "activation_patterns" -> charts.put("Active hidden units per sample, by split",
          histogram("active units", rows.selectExpr("split", "CAST(active_units AS DOUBLE) AS v")));
      case "polytopes" -> charts.put("log10 Chebyshev radius of each sample's linear region, by split",
          histogram("log10 radius", rows.where("chebyshev_radius > 0").selectExpr("split", "log10(chebyshev_radius) AS v")));
      case "perturbation_summary" -> {
        XYChart chart = new XYChartBuilder().width(600).height(400).xAxisTitle("radius").yAxisTitle("mean Hamming distance").build();
        for (Row split : rows.select("split").distinct().orderBy("split").collectAsList()) {
          List<Row> points = rows.where(org.apache.spark.sql.functions.col("split").equalTo(split.getString(0))).orderBy("radius")
              .select("radius", "mean").collectAsList();
          chart.addSeries(split.getString(0), points.stream().mapToDouble(r -> r.getDouble(0)).toArray(),
              points.stream().mapToDouble(r -> r.getDouble(1)).toArray());
        }
        charts.put("Mean Hamming distance of perturbed samples against the radius, by split", chart);
      }
      case "persistence_diagrams" -> {
        // The first draw of each cloud (at most four clouds): its diagram and its barcode.
        for (Row cloud : rows.where("repeat = 0").select("cloud", "threshold").distinct().orderBy("cloud").limit(4).collectAsList()) {
          List<PersistenceFigure.Interval> intervals = PersistenceFigure.intervals(rows.where(org.apache.spark.sql.functions.col("cloud")
              .equalTo(cloud.getString(0))).where("repeat = 0").select("dimension", "birth", "death").collectAsList());
          String name = cloud.getString(0) + ", draw 0";
          charts.put("Persistence diagram of " + name, PersistenceFigure.diagram(name, intervals, cloud.getDouble(1)));
          charts.put("Barcode of " + name, PersistenceFigure.barcode(name, intervals, cloud.getDouble(1)));
        }
      }
      default -> { }
    }
    return charts;
  }

  /** Counts of {@code v} in 20 equal bins (binned by Spark), one series per split. */
  private static CategoryChart histogram(String axis, Dataset<Row> splitAndValue) {
    GroupHistogram histogram = GroupHistogram.of(splitAndValue, 20);
    CategoryChart chart = new CategoryChartBuilder().width(600).height(400).xAxisTitle(axis).yAxisTitle("samples").build();
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setXAxisDecimalPattern("0.##");
    List<Double> centres = java.util.stream.IntStream.range(0, histogram.bins()).mapToObj(histogram::centre).toList();
    histogram.counts().forEach((split, c) -> chart.addSeries(split, centres, java.util.Arrays.stream(c).boxed().toList()));
    return chart;
  }

  private static String png(Chart<?, ?> chart) {
    System.setProperty("java.awt.headless", "true");
    try {
      return Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String table(Dataset<Row> rows) {
    StringBuilder html = new StringBuilder("<table><tr>");
    for (String column : rows.columns()) {
      html.append("<th>").append(escape(column)).append("</th>");
    }
    html.append("</tr>");
    for (Row row : rows.limit(MAX_ROWS).collectAsList()) {
      html.append("<tr>");
      for (int i = 0; i < row.length(); i++) {
        Object v = row.get(i);
        html.append("<td>").append(escape(v instanceof Double d ? String.format(java.util.Locale.ROOT, "%.5g", d) : String.valueOf(v)))
            .append("</td>");
      }
      html.append("</tr>");
    }
    return html.append("</table>").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
