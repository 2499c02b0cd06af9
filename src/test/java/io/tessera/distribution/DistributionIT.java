package io.tessera.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributable on its own: target/tessera-&lt;version&gt;-bin.tar.gz unpacked into an empty
 * directory runs the quickstart with a JDK alone, from a PATH without Maven, a HOME without a
 * Maven repository and a working directory outside the checkout; and tessera-submit, from the
 * unpacked tree, names its jars. Needs the packaged tarball, so it runs in mvn verify.
 */
@Tag("cluster")
class DistributionIT {
  private static final Path PROJECT = Path.of(System.getProperty("tessera.project.dir", ".")).toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void theTarballAloneRunsTheQuickstart() throws Exception {
    Path tarball;
    try (Stream<Path> files = Files.list(PROJECT.resolve("target"))) {
      tarball = files.filter(f -> f.getFileName().toString().matches("tessera-.*-bin\\.tar\\.gz")).findFirst().orElseThrow();
    }
    Path dist = Files.createDirectories(tmp.resolve("dist"));
    assertEquals(0, run(dist, List.of(tmp.resolve("tools/tar").toString(), "xzf", tarball.toString()), tmp.resolve("tar.log")));
    Path home;
    try (Stream<Path> dirs = Files.list(dist)) {
      home = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    for (String required : List.of("bin/tessera", "jobs/spark-submit/tessera-submit", "conf/patterns.yaml", "data-schemas/runs.sql",
        "LICENSE", "README.md", "lib/submit-jars.txt")) {
      assertTrue(Files.exists(home.resolve(required)), required);
    }
    assertTrue(Files.isExecutable(home.resolve("bin/tessera")));

    Path work = Files.createDirectories(tmp.resolve("work"));
    Path log = tmp.resolve("quickstart.log");
    int status = run(work, List.of(home.resolve("bin/tessera").toString(), "quickstart", "--out", "out", "--samples", "2000",
        "--grid", "50", "--epochs", "3", "--device", "cpu"), log);
    assertEquals(0, status, Files.readString(log));
    assertTrue(Files.readString(log).contains("distinct patterns"), Files.readString(log));
    assertTrue(Files.isDirectory(work.resolve("out/activation_patterns")), "the quickstart's table");

    Path dry = tmp.resolve("submit.log");
    assertEquals(0, run(work, List.of(home.resolve("jobs/spark-submit/submit-local").toString(), "--dry-run", "--", "run", "patterns"), dry));
    String command = Files.readString(dry);
    assertTrue(command.contains(home.resolve("lib").toString() + "/tessera-") && command.contains("pytorch-jni"), command);
  }

  /** Runs {@code command} in {@code dir} with the JDK and the system's tools but no Maven on the PATH, and a fresh HOME. */
  private int run(Path dir, List<String> command, Path log) throws Exception {
    Path tools = tmp.resolve("tools");
    if (!Files.isDirectory(tools)) {
      Files.createDirectories(tools);
      for (String bin : List.of("/usr/bin", "/bin")) {
        try (Stream<Path> all = Files.list(Path.of(bin))) {
          for (Path tool : all.filter(t -> !t.getFileName().toString().startsWith("mvn")).toList()) {
            if (!Files.exists(tools.resolve(tool.getFileName()))) {
              Files.createSymbolicLink(tools.resolve(tool.getFileName()), tool);
            }
          }
        }
      }
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + tools);
    builder.environment().put("HOME", dir.resolve("home").toString());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = builder.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }
}
