package io.tessera.report;

import io.tessera.math.diffusion.RocAuc;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * ROC curves of out-of-distribution scores (cf. LMD's evaluation): one chart per distance, one
 * curve per out-of-domain split against the in-domain split, labelled with its AUC, and the
 * chance diagonal.
 */
public final class OodRocFigure {
  private OodRocFigure() {}

  /** {@code outScores.get(distance).get(split)} against {@code inScores.get(distance)}. */
  public static void write(String inDomain, Map<String, double[]> inScores, Map<String, Map<String, double[]>> outScores, String png)
      throws IOException {
    List<XYChart> charts = new ArrayList<>();
    for (var distance : outScores.entrySet()) {
      XYChart chart = new XYChartBuilder().width(420).height(400).title(distance.getKey() + " against " + inDomain)
          .xAxisTitle("false positive rate").yAxisTitle("true positive rate").build();
      chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
      chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
      XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
      chance.setMarker(SeriesMarkers.NONE);
      chance.setLineColor(java.awt.Color.LIGHT_GRAY);
      for (var split : distance.getValue().entrySet()) {
        double[] in = inScores.get(distance.getKey());
        double[][] roc = RocAuc.curve(in, split.getValue());
        String name = String.format(Locale.ROOT, "%s (AUC %.3f)", split.getKey(), RocAuc.of(in, split.getValue()));
        chart.addSeries(name, roc[0], roc[1]).setMarker(SeriesMarkers.NONE);
      }
      charts.add(chart);
    }
    Figures.write(charts, 1, charts.size(), png);
  }
}
