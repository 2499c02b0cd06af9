package io.tessera.report;

import java.io.IOException;
import java.util.List;
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

  public static void write(String title, GroupHistogram histogram, String png) throws IOException {
    double lo = histogram.lo();
    double width = histogram.width();
    int bins = histogram.bins();
    XYChart chart = new XYChartBuilder().width(640).height(420).title(title).xAxisTitle("log-likelihood estimate (nats)")
        .yAxisTitle("density").build();
    chart.getStyler().setXAxisDecimalPattern("0.#");
    for (var dataset : histogram.counts().entrySet()) {
      long[] counts = dataset.getValue();
      long total = java.util.Arrays.stream(counts).sum();
      // A step outline: two points per bin edge pair.
      double[] x = new double[2 * bins + 2];
      double[] y = new double[2 * bins + 2];
      x[0] = lo;
      for (int b = 0; b < bins; b++) {
        double density = counts[b] / (total * width);
        x[2 * b + 1] = lo + b * width;
        y[2 * b + 1] = density;
        x[2 * b + 2] = lo + (b + 1) * width;
        y[2 * b + 2] = density;
      }
      x[2 * bins + 1] = lo + bins * width;
      XYSeries series = chart.addSeries(dataset.getKey() + " (" + total + ")", x, y);
      series.setMarker(SeriesMarkers.NONE);
    }
    Figures.write(List.of(chart), 1, 1, png);
  }
}
