package io.tessera.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A persistence diagram (birth against death, one colour per homology dimension, the diagonal drawn)
 * and its barcode (one bar per interval, grouped by dimension, longest first), both in edge-length
 * units. A class alive at the threshold is drawn at the threshold, on a dashed line marked "alive".
 */
public final class PersistenceFigure {
  static final int MAX_BARS = 100;
  /** One interval; death is +infinity for a class alive at the threshold. */
  public record Interval(int dimension, double birth, double death) {}

  private PersistenceFigure() {}

  /** Intervals from rows whose first three columns are dimension, birth and death (NULL: alive at the threshold), as persistence_diagrams holds them. */
  public static List<Interval> intervals(List<org.apache.spark.sql.Row> rows) {
    return rows.stream().map(r -> new Interval(r.getInt(0), r.getDouble(1), r.isNullAt(2) ? Double.POSITIVE_INFINITY : r.getDouble(2))).toList();
  }

  /** Both panels, side by side, as one PNG. */
  public static void write(String title, List<Interval> intervals, double threshold, String png) throws IOException {
    Figures.write(List.of(diagram(title, intervals, threshold), barcode(title, intervals, threshold)), 1, 2, png);
  }

  public static XYChart diagram(String title, List<Interval> intervals, double threshold) {
    XYChart chart = new XYChartBuilder().width(600).height(560).title("Persistence diagram: " + title)
        .xAxisTitle("birth (edge length)").yAxisTitle("death (edge length)").build();
    chart.getStyler().setDecimalPattern("0.##");
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    double top = Math.max(threshold, 1e-12);
    XYSeries diagonal = chart.addSeries("birth = death", new double[] {0, top}, new double[] {0, top});
    diagonal.setMarker(SeriesMarkers.NONE);
    diagonal.setLineStyle(SeriesLines.SOLID);
    diagonal.setLineColor(java.awt.Color.GRAY);
    XYSeries alive = chart.addSeries("alive at the threshold", new double[] {0, top}, new double[] {top, top});
    alive.setMarker(SeriesMarkers.NONE);
    alive.setLineStyle(SeriesLines.DASH_DASH);
    alive.setLineColor(java.awt.Color.GRAY);
    java.awt.Color[] colours = chart.getStyler().getSeriesColors();
    for (int k : dimensions(intervals)) {
      List<Interval> mine = intervals.stream().filter(i -> i.dimension() == k).toList();
      XYSeries points = chart.addSeries("H" + k + " (" + mine.size() + ")", mine.stream().mapToDouble(Interval::birth).toArray(),
          mine.stream().mapToDouble(i -> Math.min(i.death(), top)).toArray());
      points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      points.setMarkerColor(colours[k % colours.length]);
    }
    return chart;
  }

  /** The longest {@value #MAX_BARS} bars of each dimension, one series per bar in the dimension's colour. */
  public static XYChart barcode(String title, List<Interval> intervals, double threshold) {
    XYChart chart = new XYChartBuilder().width(600).height(560).title("Barcode: " + title).xAxisTitle("scale (edge length)")
        .yAxisTitle("intervals by dimension, longest first").build();
    chart.getStyler().setDecimalPattern("0.##");
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    chart.getStyler().setYAxisTicksVisible(false);
    java.awt.Color[] colours = chart.getStyler().getSeriesColors();
    int row = 0;
    for (int k : dimensions(intervals)) {
      List<Interval> mine = new ArrayList<>(intervals.stream().filter(i -> i.dimension() == k).toList());
      mine.sort(Comparator.comparingDouble((Interval i) -> Math.min(i.death(), threshold) - i.birth()).reversed());
      int shown = Math.min(mine.size(), MAX_BARS);
      for (int b = 0; b < shown; b++, row++) {
        Interval bar = mine.get(b);
        String name = b == 0 ? "H" + k + " (" + (shown < mine.size() ? shown + " longest of " : "") + mine.size() + ")" : "H" + k + " bar " + b;
        // Rows count downwards, so the longest bar of each dimension is on top.
        XYSeries series = chart.addSeries(name, new double[] {bar.birth(), Math.min(bar.death(), threshold)}, new double[] {-row, -row});
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(SeriesLines.SOLID);
        series.setLineColor(colours[k % colours.length]);
        series.setShowInLegend(b == 0);
      }
      row += 2; // a gap between dimensions
    }
    return chart;
  }

  private static int[] dimensions(List<Interval> intervals) {
    return intervals.stream().mapToInt(Interval::dimension).distinct().sorted().toArray();
  }
}
