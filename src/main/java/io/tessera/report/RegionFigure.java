package io.tessera.report;

import io.tessera.math.polytope.DecisionBoundary;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A 2-D decomposition figure (cf. Liu et al. Fig. 1): every region of a regions run as a filled
 * polygon, coloured by pattern or by the network's output, with the decision boundary drawn
 * exactly from each region's affine map.
 */
public final class RegionFigure {
  public enum Colouring { PATTERN, OUTPUT }

  /** One region as the regions table holds it. */
  public record Region(long patternHash, double[][] vertices, double[][] mapWeight, double[] mapBias) {}

  private RegionFigure() {}

  /** Writes the PNG to {@code png} through a temporary file, so a failed run leaves no partial figure. */
  public static void write(List<Region> regions, double lo, double hi, Colouring colouring, String title, String png) throws IOException {
    XYChart chart = new XYChartBuilder().width(900).height(900).title(title).xAxisTitle("x1").yAxisTitle("x2").build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisMin(lo);
    chart.getStyler().setXAxisMax(hi);
    chart.getStyler().setYAxisMin(lo);
    chart.getStyler().setYAxisMax(hi);
    chart.getStyler().setPlotGridLinesVisible(false);
    double scale = outputScale(regions);
    int n = 0;
    for (Region r : regions) {
      double[] xs = new double[r.vertices().length + 1];
      double[] ys = new double[xs.length];
      for (int v = 0; v < xs.length; v++) {
        xs[v] = r.vertices()[v % r.vertices().length][0];
        ys[v] = r.vertices()[v % r.vertices().length][1];
      }
      XYSeries s = chart.addSeries("region " + n++, xs, ys);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
      s.setFillColor(colouring == Colouring.PATTERN ? patternColour(r.patternHash()) : outputColour(r, scale));
      s.setLineColor(Color.WHITE);
      s.setLineStyle(new BasicStroke(0.4f));
      s.setMarker(SeriesMarkers.NONE);
    }
    for (Region r : regions) {
      for (double[] segment : DecisionBoundary.segments(r.vertices(), r.mapWeight(), r.mapBias())) {
        XYSeries s = chart.addSeries("boundary " + n++, new double[] {segment[0], segment[2]}, new double[] {segment[1], segment[3]});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(Color.BLACK);
        s.setLineStyle(new BasicStroke(2f));
        s.setMarker(SeriesMarkers.NONE);
      }
    }
    Figures.write(List.of(chart), 1, 1, png);
  }

  /** A stable, well-spread hue per pattern (golden-ratio steps of the hash). */
  static Color patternColour(long hash) {
    float hue = (float) ((Long.remainderUnsigned(hash, 1_000_003) * 0.6180339887498949) % 1.0);
    return Color.getHSBColor(hue, 0.45f, 0.95f);
  }

  /** One output: blue (negative) to red (positive) at the centroid. Several: a hue per argmax class. */
  private static Color outputColour(Region r, double scale) {
    double[] y = outputAtCentroid(r);
    if (y.length == 1) {
      float t = (float) Math.max(-1, Math.min(1, y[0] / scale));
      return t >= 0 ? new Color(1f, 1f - 0.7f * t, 1f - 0.7f * t) : new Color(1f + 0.7f * t, 1f + 0.7f * t, 1f);
    }
    int best = 0;
    for (int k = 1; k < y.length; k++) {
      if (y[k] > y[best]) {
        best = k;
      }
    }
    return Color.getHSBColor((float) best / y.length, 0.45f, 0.95f);
  }

  private static double outputScale(List<Region> regions) {
    double max = 1e-12;
    for (Region r : regions) {
      for (double v : outputAtCentroid(r)) {
        max = Math.max(max, Math.abs(v));
      }
    }
    return max;
  }

  private static double[] outputAtCentroid(Region r) {
    double cx = 0;
    double cy = 0;
    for (double[] v : r.vertices()) {
      cx += v[0] / r.vertices().length;
      cy += v[1] / r.vertices().length;
    }
    double[] y = r.mapBias().clone();
    for (int o = 0; o < y.length; o++) {
      y[o] += r.mapWeight()[o][0] * cx + r.mapWeight()[o][1] * cy;
    }
    return y;
  }
}
