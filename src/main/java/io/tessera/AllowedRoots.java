package io.tessera;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Optional confinement for shared clusters: with the Spark setting {@value #SETTING} (a comma list
 * of directory URIs; a -D system property before Spark starts), every config file Tessera reads
 * and every path it writes (output roots, datasets, models, figures, reports) must resolve, after
 * '..' and relative paths, inside one of them. Unset, nothing is confined.
 */
public final class AllowedRoots {
  public static final String SETTING = "spark.tessera.roots";

  private AllowedRoots() {}

  /** Fails with a message naming {@code what}, the path and the roots when the path escapes them. */
  public static void check(String what, String uri) {
    check(what, uri, uri);
  }

  /** The check for a file named as on the command line: a Hadoop URI, or a local path (see {@link HadoopFiles}). */
  public static void checkFile(String what, String fileOrUri) {
    if (HadoopFiles.hasScheme(fileOrUri)) {
      check(what, fileOrUri);
    } else {
      check(what, java.nio.file.Path.of(fileOrUri));
    }
  }

  /** The same check for a local file. */
  public static void check(String what, java.nio.file.Path file) {
    check(what, file.toString(), file.toAbsolutePath().toUri().toString());
  }

  private static void check(String what, String shown, String uri) {
    List<String> roots = roots();
    if (roots.isEmpty()) {
      return;
    }
    Configuration conf = HadoopFiles.configuration();
    URI path = qualified(uri, conf);
    for (String root : roots) {
      String r = qualified(root, conf).toString().replaceAll("/+$", "");
      if (path.toString().equals(r) || path.toString().startsWith(r + "/")) {
        return;
      }
    }
    throw new TesseraException(what + " " + shown + " (" + path + ") is outside the allowed roots " + roots + " (" + SETTING + ")");
  }

  private static List<String> roots() {
    String setting = SparkSession.getDefaultSession().isDefined()
        ? SparkSession.getDefaultSession().get().conf().get(SETTING, null) : null;
    if (setting == null) {
      setting = System.getProperty(SETTING);
    }
    return setting == null || setting.isBlank() ? List.of() : Arrays.stream(setting.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static URI qualified(String uri, Configuration conf) {
    try {
      Path path = new Path(uri);
      return path.getFileSystem(conf).makeQualified(path).toUri().normalize();
    } catch (IOException | IllegalArgumentException e) {
      throw new TesseraException("cannot resolve path " + uri + ": " + e.getMessage(), e);
    }
  }
}
