package io.tessera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.config.ConfigLoader;
import io.tessera.jobs.patterns.PatternsConfig;
import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configs and reports by URI go through Hadoop's FileSystem API (here its file: scheme, the same
 * code path as hdfs:// and s3a://), and a path without a scheme stays a local file.
 */
class HadoopFilesTest {
  @TempDir Path tmp;

  @Test
  void aUriGoesThroughHadoopAndAPlainPathStaysLocal() throws Exception {
    String uri = tmp.resolve("sub/report.html").toUri().toString();
    assertTrue(HadoopFiles.hasScheme(uri) && !HadoopFiles.hasScheme("conf/patterns.yaml") && !HadoopFiles.hasScheme("/abs/x.yaml"));
    HadoopFiles.write(uri, "first".getBytes(StandardCharsets.UTF_8));
    HadoopFiles.write(uri, "second".getBytes(StandardCharsets.UTF_8));
    assertEquals("second", HadoopFiles.read(uri));
    assertEquals("second", HadoopFiles.read(tmp.resolve("sub/report.html").toString()));
    try (Stream<Path> left = Files.list(tmp.resolve("sub"))) {
      assertEquals(List.of("report.html"), left.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).toList(),
          "replaced in place, no temporary file left");
    }
    assertTrue(HadoopFiles.exists(uri));
    assertThrows(FileNotFoundException.class, () -> HadoopFiles.read(tmp.resolve("missing.yaml").toUri().toString()));
    assertThrows(FileNotFoundException.class, () -> HadoopFiles.read(tmp.resolve("missing.yaml").toString()));
  }

  @Test
  void aConfigIsReadByUriAndAMissingOneIsAConfigError() throws Exception {
    Path file = tmp.resolve("patterns.yaml");
    Files.writeString(file, "input: in\nmodel: m\noutput: out\nbatch_size: 7\n");
    PatternsConfig cfg = ConfigLoader.load(file.toUri().toString(), List.of("device=cpu"), PatternsConfig.class);
    assertEquals(7, cfg.batchSize());
    assertEquals("cpu", cfg.device());
    String missing = tmp.resolve("nope.yaml").toUri().toString();
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing, List.of(), PatternsConfig.class));
    assertEquals("config file not found: " + missing, e.getMessage());
    assertFalse(Files.exists(tmp.resolve("nope.yaml")));
  }
}
