package io.tessera.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes charts as one PNG through a temporary file, so a failed run leaves no partial figure. */
final class Figures {
  private Figures() {}

  static void write(List<? extends Chart<?, ?>> charts, int rows, int cols, Path png) throws IOException {
    io.tessera.AllowedRoots.check("figure", png);
    System.setProperty("java.awt.headless", "true");
    Path parent = png.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, ".tessera-figure", ".png");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        if (charts.size() == 1) {
          BitmapEncoder.saveBitmap(charts.get(0), out, BitmapEncoder.BitmapFormat.PNG);
        } else {
          BitmapEncoder.saveBitmap(charts, rows, cols, out, BitmapEncoder.BitmapFormat.PNG);
        }
      }
      Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
