package io.tessera.model;

import io.tessera.TesseraException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * SHA-256 of a model as the runs table records it: of the file's bytes, or for a model directory
 * of every file's relative name and bytes in name order (so a changed card or parameter file
 * changes it). TorchScript files are code, so which exact file ran must be on record.
 */
public final class ModelDigest {
  private ModelDigest() {}

  public static String sha256(String uri, Configuration conf) {
    try {
      Path path = new Path(uri);
      FileSystem fs = path.getFileSystem(conf);
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      if (fs.getFileStatus(path).isFile()) {
        update(digest, fs, path);
      } else {
        List<Path> files = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
        while (it.hasNext()) {
          files.add(it.next().getPath());
        }
        String prefix = fs.getFileStatus(path).getPath().toUri().getPath() + "/";
        files.sort(null);
        for (Path file : files) {
          digest.update(file.toUri().getPath().substring(prefix.length()).getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0);
          update(digest, fs, file);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new TesseraException("cannot read model " + uri + " to hash it: " + e.getMessage(), e);
    }
  }

  private static void update(MessageDigest digest, FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
  }
}
