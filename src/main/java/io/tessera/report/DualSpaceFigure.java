package io.tessera.report;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The dual space of a 2-input network (cf. Sattelberg et al. Fig. 4): every sample's local map
 * [w1, w2, b] for each output, drawn as the point (w1, w2) coloured by output. Samples of one linear
 * region share one point, so the number of visible points is the number of distinct maps.
 */
public final class DualSpaceFigure {
  private DualSpaceFigure() {}

  /** {@code weights[output]} holds that output's (w1, w2) pairs. */
  public static void write(String title, List<double[][]> weights, String png) throws IOException {
    XYChart chart = new XYChartBuilder().width(800).height(700).title(title).xAxisTitle("w1").yAxisTitle("w2").build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(6);
    for (int o = 0; o < weights.size(); o++) {
      double[][] w = weights.get(o);
      double[] x = new double[w.length];
      double[] y = new double[w.length];
      for (int i = 0; i < w.length; i++) {
        x[i] = w[i][0];
        y[i] = w[i][1];
      }
      XYSeries s = chart.addSeries("output " + o, x, y);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(Color.getHSBColor((float) o / weights.size(), 0.7f, 0.85f));
    }
    Figures.write(List.of(chart), 1, 1, png);
  }
}
