package io.tessera.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * A grid of LMD lifts: per image a column with the original, the masked image (unknown pixels
 * drawn mid-grey, as NaN) and the lift, in grey levels on the data's range.
 */
public final class InpaintingFigure {
  private static final String[] ROWS = {"original", "masked", "lifted"};

  private InpaintingFigure() {}

  /** {@code images[row][image]}, rows original, masked (NaN unknown) and lifted, each side x side values in [lo, hi]. */
  public static void write(List<String> titles, double[][][] images, int side, double lo, double hi, String png) throws IOException {
    List<HeatMapChart> charts = new ArrayList<>();
    for (int row = 0; row < ROWS.length; row++) {
      for (int i = 0; i < titles.size(); i++) {
        charts.add(chart(ROWS[row] + " " + titles.get(i), images[row][i], side, lo, hi));
      }
    }
    Figures.write(charts, ROWS.length, titles.size(), png);
  }

  private static HeatMapChart chart(String title, double[] image, int side, double lo, double hi) {
    HeatMapChart chart = new HeatMapChartBuilder().width(170).height(190).title(title).build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setChartTitleFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
    chart.getStyler().setAxisTicksVisible(false);
    chart.getStyler().setPlotGridLinesVisible(false);
    chart.getStyler().setMin(lo);
    chart.getStyler().setMax(hi);
    chart.getStyler().setRangeColors(new Color[] {Color.BLACK, Color.WHITE});
    List<Number[]> cells = new ArrayList<>();
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side; c++) {
        double v = image[r * side + c];
        cells.add(new Number[] {c, side - 1 - r, Double.isNaN(v) ? (lo + hi) / 2 : v});
      }
    }
    List<Integer> axis = java.util.stream.IntStream.range(0, side).boxed().toList();
    chart.addSeries("pixels", axis, axis, cells);
    return chart;
  }
}
