package io.tessera;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * Small files (configs, HTML reports) named by a URI: {@code hdfs://}, {@code s3a://} and the other
 * Hadoop schemes go through Hadoop's FileSystem API, so that a driver in a YARN or Kubernetes
 * container reads and writes them where the user means; a path without a scheme is a local file,
 * as on the command line (a file shipped with --files sits in the container's working directory).
 */
public final class HadoopFiles {
  private HadoopFiles() {}

  /** The running session's Hadoop settings, else the classpath's *-site.xml with the spark.hadoop.* properties. */
  public static Configuration configuration() {
    if (SparkSession.getDefaultSession().isDefined()) {
      return SparkSession.getDefaultSession().get().sparkContext().hadoopConfiguration();
    }
    Configuration conf = new Configuration();
    for (Tuple2<String, String> setting : new SparkConf().getAllWithPrefix("spark.hadoop.")) {
      conf.set(setting._1(), setting._2());
    }
    return conf;
  }

  /** True when {@code uri} names a file system by scheme (hdfs://, s3a://, file:, …). */
  public static boolean hasScheme(String uri) {
    return uri.matches("[A-Za-z][A-Za-z0-9+.-]*:.*") && !uri.matches("[A-Za-z]:\\\\.*");
  }

  /** The text of the file at {@code uri}; a missing file is a {@link FileNotFoundException}. */
  public static String read(String uri) throws IOException {
    if (!hasScheme(uri)) {
      java.nio.file.Path file = java.nio.file.Path.of(uri);
      if (!Files.isRegularFile(file)) {
        throw new FileNotFoundException(uri);
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    }
    Path path = new Path(URI.create(uri));
    try (InputStream in = path.getFileSystem(configuration()).open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Replaces the file at {@code uri} with {@code bytes}: written beside it first, then renamed, so readers never see half a file. */
  public static void write(String uri, byte[] bytes) throws IOException {
    if (!hasScheme(uri)) {
      java.nio.file.Path file = java.nio.file.Path.of(uri).toAbsolutePath();
      Files.createDirectories(file.getParent());
      java.nio.file.Path tmp = Files.createTempFile(file.getParent(), ".tessera-", ".tmp");
      try {
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return;
    }
    Path path = new Path(URI.create(uri));
    FileSystem fs = path.getFileSystem(configuration());
    Path tmp = new Path(path.getParent(), "." + path.getName() + ".tessera-tmp");
    try (OutputStream out = fs.create(tmp, true)) {
      out.write(bytes);
    }
    fs.delete(path, false);
    if (!fs.rename(tmp, path)) {
      fs.delete(tmp, false);
      throw new IOException("could not rename " + tmp + " to " + path);
    }
  }

  /** True when a file exists at {@code uri}. */
  public static boolean exists(String uri) throws IOException {
    if (!hasScheme(uri)) {
      return Files.exists(java.nio.file.Path.of(uri));
    }
    Path path = new Path(URI.create(uri));
    return path.getFileSystem(configuration()).exists(path);
  }
}
