package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No run-time network access: the quickstart (data, training, two patterns jobs) runs in a fresh
 * JVM inside a network namespace that has nothing but loopback (unshare -rn, as an unprivileged
 * user), and without -Dai.djl.offline on its command line, so DJL's offline mode is the code's.
 */
class NetworkIsolationTest {
  @TempDir Path tmp;

  @Test
  void theQuickstartRunsWithTheNetworkUnreachable() throws Exception {
    assumeTrue(exitCode(List.of("unshare", "-rn", "true")) == 0, "this machine does not allow unprivileged network namespaces (unshare -rn)");
    String out = tmp.resolve("out").toString();
    List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    java.addAll(Files.readAllLines(Path.of("conf/java17-opens.txt")));
    java.addAll(List.of("-Dlog4j2.configurationFile=conf/log4j2-test.properties", "-cp", System.getProperty("java.class.path"),
        "io.tessera.cli.TesseraMain", "quickstart", "--out", out, "--samples", "2000", "--grid", "50", "--epochs", "3", "--device", "cpu"));
    // Inside the namespace: bring loopback up (Spark talks to itself over it), prove that the
    // outside is unreachable, then run.
    String script = "ip link set lo up && ! ip route get 1.1.1.1 >/dev/null 2>&1 && exec \"$@\"";
    List<String> command = new ArrayList<>(List.of("unshare", "-rn", "sh", "-c", script, "sh"));
    command.addAll(java);
    Path log = tmp.resolve("quickstart.log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = builder.start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "quickstart did not finish");
    assertEquals(0, p.exitValue(), Files.readString(log));
    assertEquals(2000 + 50 * 50, TestSpark.get().read().parquet(out + "/activation_patterns").count());
  }

  private static int exitCode(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (java.io.IOException | InterruptedException e) {
      return -1;
    }
  }
}
