package io.tessera.run;

import io.tessera.TesseraException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * DJL saves models to a local directory; this puts them wherever the user asked, through the
 * Hadoop file system: directly for local paths, via a temporary directory and a copy otherwise.
 */
public final class ModelOutput {
  private ModelOutput() {}

  public static <T> T write(Configuration conf, String uri, Function<Path, T> save) {
    io.tessera.AllowedRoots.check("model output", uri);
    try {
      org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(uri);
      FileSystem fs = target.getFileSystem(conf);
      if ("file".equals(fs.getScheme())) {
        return save.apply(Path.of(fs.makeQualified(target).toUri()));
      }
      Path local = Files.createTempDirectory("tessera-model-");
      T result = save.apply(local);
      if (fs.exists(target)) {
        fs.delete(target, true);
      }
      fs.copyFromLocalFile(true, true, new org.apache.hadoop.fs.Path(local.toUri()), target);
      return result;
    } catch (IOException e) {
      throw new TesseraException("cannot write model to " + uri + ": " + e.getMessage(), e);
    }
  }
}
