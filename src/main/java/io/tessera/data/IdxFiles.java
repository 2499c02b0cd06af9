package io.tessera.data;

import io.tessera.TesseraException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reader for the MNIST IDX format (big-endian header, unsigned bytes), plain or gzipped, from any
 * Hadoop file system. Pixels are scaled to [0, 1] by /255.
 */
public final class IdxFiles {
  private static final int IMAGES_MAGIC = 0x00000803;
  private static final int LABELS_MAGIC = 0x00000801;

  private IdxFiles() {}

  public static LabeledPoints read(String imagesUri, String labelsUri, Configuration conf) {
    float[][] images = readImages(imagesUri, conf);
    int[] labels = readLabels(labelsUri, conf);
    if (labels.length != images.length) {
      throw new TesseraException(
          "IDX files disagree: " + imagesUri + " has " + images.length + " images but " + labelsUri + " has " + labels.length + " labels");
    }
    return new LabeledPoints(images, labels, null);
  }

  static float[][] readImages(String uri, Configuration conf) {
    try (DataInputStream in = open(uri, conf)) {
      expectMagic(in, IMAGES_MAGIC, uri);
      int count = in.readInt();
      int rows = in.readInt();
      int cols = in.readInt();
      float[][] images = new float[count][rows * cols];
      byte[] pixels = new byte[rows * cols];
      for (int i = 0; i < count; i++) {
        in.readFully(pixels);
        for (int p = 0; p < pixels.length; p++) {
          images[i][p] = (pixels[p] & 0xFF) / 255f;
        }
      }
      return images;
    } catch (EOFException e) {
      throw new TesseraException("truncated IDX image file " + uri + ": fewer bytes than its header promises", e);
    } catch (IOException e) {
      throw new TesseraException("cannot read IDX image file " + uri + ": " + e.getMessage(), e);
    }
  }

  static int[] readLabels(String uri, Configuration conf) {
    try (DataInputStream in = open(uri, conf)) {
      expectMagic(in, LABELS_MAGIC, uri);
      int[] labels = new int[in.readInt()];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = in.readUnsignedByte();
      }
      return labels;
    } catch (EOFException e) {
      throw new TesseraException("truncated IDX label file " + uri + ": fewer bytes than its header promises", e);
    } catch (IOException e) {
      throw new TesseraException("cannot read IDX label file " + uri + ": " + e.getMessage(), e);
    }
  }

  private static void expectMagic(DataInputStream in, int magic, String uri) throws IOException {
    int found = in.readInt();
    if (found != magic) {
      throw new TesseraException(String.format("%s is not an IDX %s file (magic 0x%08x, expected 0x%08x)",
          uri, magic == IMAGES_MAGIC ? "image" : "label", found, magic));
    }
  }

  /** Opens the file, unwrapping gzip when the stream starts with the gzip magic bytes. */
  private static DataInputStream open(String uri, Configuration conf) throws IOException {
    Path path = new Path(uri);
    FileSystem fs = path.getFileSystem(conf);
    if (!fs.exists(path)) {
      throw new TesseraException("IDX file not found: " + uri);
    }
    InputStream raw = new BufferedInputStream(fs.open(path), 1 << 16);
    raw.mark(2);
    boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
    raw.reset();
    return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16)) : raw);
  }
}
