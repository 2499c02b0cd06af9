package io.tessera.data;

import io.tessera.TesseraException;
import io.tessera.config.ConfigLoader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Identifies a dataset's current files by their relative names, sizes and modification times: a
 * cheap test of "unchanged" for inputs of gigabytes, where hashing the bytes would cost a read.
 */
public final class DatasetFingerprint {
  private DatasetFingerprint() {}

  public static String of(String uri, Configuration conf) {
    try {
      Path path = new Path(uri);
      FileSystem fs = path.getFileSystem(conf);
      String prefix = fs.getFileStatus(path).getPath().toUri().getPath();
      List<String> entries = new ArrayList<>();
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(path, true);
      while (files.hasNext()) {
        LocatedFileStatus f = files.next();
        entries.add(f.getPath().toUri().getPath().substring(prefix.length()) + "\t" + f.getLen() + "\t" + f.getModificationTime());
      }
      entries.sort(null);
      return ConfigLoader.sha256(String.join("\n", entries));
    } catch (IOException e) {
      throw new TesseraException("cannot list dataset " + uri + ": " + e.getMessage(), e);
    }
  }
}
