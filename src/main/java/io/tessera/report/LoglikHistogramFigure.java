package io.tessera.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Histograms of per-sample log-likelihood estimates, one outline per dataset on shared bins
 * (cf. Tu et al. Fig. 5C), as densities so that datasets of different sizes compare.
 */
public final class LoglikHistogramFigure {
  private LoglikHistogramFigure() {}

  public static void write(String title, Map<String, double[]> perDataset, int bins, Path png) throws IOException {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] values : perDataset.values()) {
      for (double v : values) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    double width = hi > lo ? (hi - lo) / bins : 1;
    XYChart chart = new XYChartBuilder().width(640).height(420).title(title).xAxisTitle("log-likelihood estimate (nats)")
        .yAxisTitle("density").build();
    chart.getStyler().setXAxisDecimalPattern("0.#");
    for (var dataset : perDataset.entrySet()) {
      double[] counts = new double[bins];
      for (double v : dataset.getValue()) {
        counts[Math.min(bins - 1, (int) ((v - lo) / width))]++;
      }
      // A step outline: two points per bin edge pair.
      double[] x = new double[2 * bins + 2];
      double[] y = new double[2 * bins + 2];
      x[0] = lo;
      for (int b = 0; b < bins; b++) {
        double density = counts[b] / (dataset.getValue().length * width);
        x[2 * b + 1] = lo + b * width;
        y[2 * b + 1] = density;
        x[2 * b + 2] = lo + (b + 1) * width;
        y[2 * b + 2] = density;
      }
      x[2 * bins + 1] = lo + bins * width;
      XYSeries series = chart.addSeries(dataset.getKey() + " (" + dataset.getValue().length + ")", x, y);
      series.setMarker(SeriesMarkers.NONE);
    }
    Figures.write(List.of(chart), 1, 1, png);
  }
}
