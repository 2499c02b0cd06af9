package io.tessera.report;

import java.io.IOException;
import java.util.List;
import io.tessera.HadoopFiles;
import java.io.ByteArrayOutputStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes charts as one PNG, to a local path or a Hadoop URI, replacing any earlier file whole (HadoopFiles). */
final class Figures {
  private Figures() {}

  static void write(List<? extends Chart<?, ?>> charts, int rows, int cols, String png) throws IOException {
    io.tessera.AllowedRoots.checkFile("figure", png);
    System.setProperty("java.awt.headless", "true");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (charts.size() == 1) {
      BitmapEncoder.saveBitmap(charts.get(0), bytes, BitmapEncoder.BitmapFormat.PNG);
    } else {
      BitmapEncoder.saveBitmap(charts, rows, cols, bytes, BitmapEncoder.BitmapFormat.PNG);
    }
    HadoopFiles.write(png, bytes.toByteArray());
  }

}
