package io.tessera.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * One input's gradients as images, a row per model and a column per output (cf. Sattelberg et
 * al. Fig. 7): each d-dimensional gradient is drawn as a side x side image (d = side^2, row-major,
 * as MNIST pixels), blue negative to red positive on one symmetric scale per image.
 */
public final class GradientFigure {
  private GradientFigure() {}

  /** {@code gradients[model][output]}, each of length side * side. */
  public static void write(List<String> models, float[][][] gradients, int side, String png) throws IOException {
    List<HeatMapChart> charts = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      for (int o = 0; o < gradients[m].length; o++) {
        charts.add(chart(models.get(m) + ", output " + o, gradients[m][o], side));
      }
    }
    Figures.write(charts, models.size(), gradients[0].length, png);
  }

  private static HeatMapChart chart(String title, float[] g, int side) {
    HeatMapChart chart = new HeatMapChartBuilder().width(220).height(240).title(title).build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setChartTitleFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10)); // long model ids fit
    chart.getStyler().setAxisTicksVisible(false);
    chart.getStyler().setPlotGridLinesVisible(false);
    float max = 1e-12f;
    for (float v : g) {
      max = Math.max(max, Math.abs(v));
    }
    chart.getStyler().setMin(-max);
    chart.getStyler().setMax(max);
    chart.getStyler().setRangeColors(new Color[] {new Color(40, 80, 200), Color.WHITE, new Color(200, 40, 40)});
    List<Number[]> cells = new ArrayList<>();
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side; c++) {
        // Row 0 of the image at the top: heat-map y grows upwards.
        cells.add(new Number[] {c, side - 1 - r, g[r * side + c]});
      }
    }
    List<Integer> axis = java.util.stream.IntStream.range(0, side).boxed().toList();
    chart.addSeries("gradient", axis, axis, cells);
    return chart;
  }
}
