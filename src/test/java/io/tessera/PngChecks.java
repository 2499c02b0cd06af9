package io.tessera;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** A figure is a readable PNG of at least the given size with real content: many colours, not a blank canvas. */
public final class PngChecks {
  private PngChecks() {}

  public static BufferedImage assertFigure(Path png, int minWidth, int minHeight) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, png + " is not a readable image");
    assertTrue(image.getWidth() >= minWidth && image.getHeight() >= minHeight,
        png + " is " + image.getWidth() + " x " + image.getHeight() + ", expected at least " + minWidth + " x " + minHeight);
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertTrue(colours.size() > 20, png + " has only " + colours.size() + " colours");
    return image;
  }
}
