package io.tessera.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Fields over a 2-D latent grid (cf. Lazarev's "unorganized" and "well organized" latent spaces):
 * one panel per field, each cell a square marker coloured by its level (levels between the 2nd
 * and 98th percentiles, so a few extreme cells do not wash out the rest), with the encoded samples
 * as small dots and the mass-like points as red diamonds on top.
 */
public final class LatentFieldFigure {
  private static final int LEVELS = 9;
  private static final Color[] RAMP = {new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140), new Color(94, 201, 98),
      new Color(253, 231, 37)};

  /** One panel: a title and a value per grid point (NaN: not drawn). */
  public record Field(String title, double[] values) {}

  private LatentFieldFigure() {}

  /**
   * @param grid the grid's latent points, [point][2]
   * @param cell the grid's spacing per axis, for the marker size
   */
  public static void write(List<Field> fields, double[][] grid, double[] cell, double[][] samples, double[][] massPoints, String png)
      throws IOException {
    List<XYChart> charts = new ArrayList<>();
    for (Field field : fields) {
      charts.add(panel(field, grid, cell, samples, massPoints));
    }
    Figures.write(charts, 1, charts.size(), png);
  }

  private static XYChart panel(Field field, double[][] grid, double[] cell, double[][] samples, double[][] massPoints) {
    XYChart chart = new XYChartBuilder().width(600).height(480).title(field.title()).xAxisTitle("z1").yAxisTitle("z2").build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
    chart.getStyler().setLegendFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setPlotGridLinesVisible(false);
    double[] finite = Arrays.stream(field.values()).filter(Double::isFinite).sorted().toArray();
    if (finite.length > 0) {
      double lo = finite[(int) (0.02 * (finite.length - 1))];
      double hi = finite[(int) (0.98 * (finite.length - 1))];
      double step = hi > lo ? (hi - lo) / LEVELS : 1;
      // Marker size in pixels: the plot is about 420 pixels across the grid's extent.
      double extent = Arrays.stream(grid).mapToDouble(z -> z[0]).max().orElse(1) - Arrays.stream(grid).mapToDouble(z -> z[0]).min().orElse(0);
      int size = (int) Math.max(2, Math.ceil(420 * cell[0] / (extent + cell[0])));
      for (int level = 0; level < LEVELS; level++) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int p = 0; p < grid.length; p++) {
          double v = field.values()[p];
          if (Double.isFinite(v) && Math.min(LEVELS - 1, Math.max(0, (int) ((v - lo) / step))) == level) {
            x.add(grid[p][0]);
            y.add(grid[p][1]);
          }
        }
        if (!x.isEmpty()) {
          XYSeries s = chart.addSeries(String.format(Locale.ROOT, "%.3g", lo + level * step), x, y);
          s.setMarker(SeriesMarkers.SQUARE);
          s.setMarkerColor(colour(level / (LEVELS - 1.0)));
        }
      }
      chart.getStyler().setMarkerSize(size); // XChart sizes every series alike: codes and mass points take the cell's size
    }
    if (samples.length > 0) {
      XYSeries s = chart.addSeries("codes", column(samples, 0), column(samples, 1));
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(new Color(0, 0, 0, 110));
    }
    if (massPoints.length > 0) {
      XYSeries s = chart.addSeries("mass points", column(massPoints, 0), column(massPoints, 1));
      s.setMarker(SeriesMarkers.DIAMOND);
      s.setMarkerColor(Color.RED);
    }
    return chart;
  }

  private static double[] column(double[][] points, int k) {
    return Arrays.stream(points).mapToDouble(p -> p[k]).toArray();
  }

  /** A viridis-like ramp at t in [0, 1]. */
  private static Color colour(double t) {
    double at = t * (RAMP.length - 1);
    int i = Math.min(RAMP.length - 2, (int) at);
    double f = at - i;
    return new Color((int) (RAMP[i].getRed() + f * (RAMP[i + 1].getRed() - RAMP[i].getRed())),
        (int) (RAMP[i].getGreen() + f * (RAMP[i + 1].getGreen() - RAMP[i].getGreen())),
        (int) (RAMP[i].getBlue() + f * (RAMP[i + 1].getBlue() - RAMP[i].getBlue())));
  }
}
