package io.tessera.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TesseraException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFilesTest {
  @TempDir Path tmp;

  private Path write(String name, byte[] content, boolean gzip) throws IOException {
    Path file = tmp.resolve(name);
    try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
      out.write(content);
    }
    return file;
  }

  @Test
  void readsPlainAndGzippedFilesAlike() throws IOException {
    Configuration conf = new Configuration();
    byte[] img = IdxFixtures.images(3, 2, 2);
    byte[] lab = IdxFixtures.labels(7, 0, 255);
    LabeledPoints plain = IdxFiles.read(write("i", img, false).toString(), write("l", lab, false).toString(), conf);
    LabeledPoints gz = IdxFiles.read(write("i.gz", img, true).toString(), write("l.gz", lab, true).toString(), conf);
    assertEquals(3, plain.size());
    assertEquals(4, plain.dim());
    assertArrayEquals(new int[] {7, 0, 255}, plain.labels());
    assertArrayEquals(new float[] {0f, 37 / 255f, 74 / 255f, 111 / 255f}, plain.features()[0]);
    assertArrayEquals(new float[] {(4 * 37 % 256) / 255f, (5 * 37 % 256) / 255f, (6 * 37 % 256) / 255f, (7 * 37 % 256) / 255f}, gz.features()[1]);
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(plain.features()[i], gz.features()[i]);
    }
  }

  @Test
  void namesTheFileInEveryError() throws IOException {
    Configuration conf = new Configuration();
    String img = write("i", IdxFixtures.images(3, 2, 2), false).toString();
    String swapped = write("l", IdxFixtures.labels(1, 2, 3), false).toString();
    TesseraException magic = assertThrows(TesseraException.class, () -> IdxFiles.read(swapped, img, conf));
    assertTrue(magic.getMessage().contains(swapped) && magic.getMessage().contains("not an IDX image file"), magic.getMessage());

    byte[] full = IdxFixtures.images(3, 2, 2);
    String truncated = write("t", java.util.Arrays.copyOf(full, full.length - 1), false).toString();
    TesseraException eof = assertThrows(TesseraException.class, () -> IdxFiles.read(truncated, swapped, conf));
    assertTrue(eof.getMessage().contains("truncated") && eof.getMessage().contains(truncated), eof.getMessage());

    String fewer = write("l2", IdxFixtures.labels(1, 2), false).toString();
    TesseraException count = assertThrows(TesseraException.class, () -> IdxFiles.read(img, fewer, conf));
    assertTrue(count.getMessage().contains("3 images") && count.getMessage().contains("2 labels"), count.getMessage());

    TesseraException missing = assertThrows(TesseraException.class, () -> IdxFiles.read(tmp.resolve("none").toString(), fewer, conf));
    assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
  }
}
