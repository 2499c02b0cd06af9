package io.tessera.run.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.JobFixtures;
import io.tessera.TestSpark;
import io.tessera.tables.OutputRoot;
import io.tessera.tables.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A real signal to a child JVM in the middle of a patterns run (its tasks held back by the test
 * hook spark.tessera.test.taskDelayMillis): the run is on record as FAILED with the signal and the
 * stage, nothing is published or left staged, and the JVM exits as the signal asks. Meanwhile the
 * held-back tasks were reported by the heartbeat.
 */
class TerminationTest {
  @TempDir static Path tmp;
  static String data;
  static String model;

  @BeforeAll
  static void fixtures() {
    data = JobFixtures.xorDataset(tmp, 200);
    model = JobFixtures.tinyModel(tmp);
  }

  @ParameterizedTest
  @CsvSource({"TERM, 143", "INT, 130"})
  void aSignalMidRunLeavesAFailedRecordAndNothingElse(String signal, int status) throws Exception {
    String out = tmp.resolve("out-" + signal).toString();
    String runId = "stopped-" + signal.toLowerCase(java.util.Locale.ROOT);
    Path log = tmp.resolve(signal + ".log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(Files.readAllLines(Path.of("conf/java17-opens.txt")));
    command.addAll(List.of("-Dlog4j2.configurationFile=conf/log4j2.properties", "-Dtessera.heartbeat.seconds=1",
        "-Dspark.tessera.test.taskDelayMillis=600000",
        "-cp", System.getProperty("java.class.path"), "io.tessera.cli.TesseraMain"));
    command.addAll(JobFixtures.patterns(data, model, out, "run_id=" + runId, "device=cpu"));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      Path staging = Path.of(out, "_staging", runId, "activation_patterns");
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (!Files.exists(staging) && child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertTrue(Files.exists(staging), "the run never reached its tasks:\n" + Files.readString(log));
      Thread.sleep(2500); // the tasks are now sleeping inside the write, long enough for a heartbeat
      assertEquals(0, new ProcessBuilder("kill", "-" + signal, String.valueOf(child.pid())).start().waitFor());
      assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the child did not stop:\n" + Files.readString(log));
    } finally {
      child.destroyForcibly();
    }
    String printed = Files.readString(log);
    assertEquals(status, child.exitValue(), printed);
    assertTrue(printed.contains("tessera: run " + runId + " of patterns terminated by signal SIG" + signal), printed);
    assertTrue(printed.contains("Heartbeat: patterns " + runId + ": computing activation_patterns, partition "), "a progress line: " + printed);

    List<Row> runs = TestSpark.get().read().parquet(out + "/runs").collectAsList();
    assertEquals(1, runs.size());
    assertEquals(runId, runs.get(0).getAs("run_id"));
    assertEquals(RunRecord.FAILED, runs.get(0).getAs("status"));
    assertEquals("terminated by signal SIG" + signal + " while computing activation_patterns", runs.get(0).getAs("message"));
    assertFalse(Files.exists(Path.of(out, "_staging")), "the staging area is gone");
    OutputRoot root = new OutputRoot(out, TestSpark.get().sparkContext().hadoopConfiguration());
    assertEquals(List.of("runs"), root.registerViews(TestSpark.get()), "sql sees the record and no result table");
  }
}
