package io.tessera.run.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.ConfigException;
import io.tessera.JobFixtures;
import io.tessera.TestSpark;
import io.tessera.config.ConfigLoader;
import io.tessera.jobs.JobRegistry;
import io.tessera.jobs.polytopes.PolytopesConfig;
import io.tessera.run.JobRun;
import io.tessera.tables.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A polytopes run stopped part-way (chunk 3 of 6 fails, after others have finished) keeps its
 * finished chunks; resumed, it computes only the rest, and publishes what an uninterrupted run
 * publishes. A kept row is the very row the first attempt computed: even its wall-clock
 * {@code seconds} is unchanged, which a recomputation would not reproduce.
 */
class CheckpointsTest {
  @TempDir Path tmp;

  private PolytopesConfig config(String input, String model, String out, String runId, double box) {
    return ConfigLoader.of(PolytopesConfig.class, "input", input, "model", model, "output", out, "box", List.of(-box, box),
        "partitions", 6, "device", "cpu", "run_id", runId);
  }

  @Test
  void aStoppedRunResumesFromTheChunksItFinished() throws Exception {
    SparkSession spark = TestSpark.get();
    String input = JobFixtures.xorDataset(tmp, 60);
    String model = JobFixtures.tinyModel(tmp);
    String out = tmp.resolve("out").toString();
    JobRegistry.run(spark, config(input, model, out, "whole", 2.0));

    spark.conf().set(FaultInjection.CHUNK, "3");
    try {
      assertThrows(IllegalStateException.class, () -> JobRegistry.run(spark, config(input, model, out, "stopped", 2.0)));
    } finally {
      spark.conf().unset(FaultInjection.CHUNK);
    }
    Row failed = spark.read().parquet(out + "/runs/run_id=stopped").first();
    assertEquals(RunRecord.FAILED, failed.getAs("status"));
    assertFalse(Files.exists(Path.of(out, "polytopes", "run_id=stopped")), "nothing published");
    Map<Long, Row> kept = byId(keptChunks(spark, Path.of(out, "_staging", "stopped", Checkpoints.DIR, "polytopes", "output")));
    assertTrue(kept.size() > 0 && kept.size() < 60, "some chunks finished before the fault: " + kept.size());

    ConfigException changed = assertThrows(ConfigException.class,
        () -> JobRegistry.run(spark, config(input, model, out, "stopped", 3.0), true));
    assertTrue(changed.getMessage().contains("cannot resume run stopped"), changed.getMessage());
    ConfigException unnamed = assertThrows(ConfigException.class, () -> JobRegistry.run(spark,
        ConfigLoader.of(PolytopesConfig.class, "input", input, "model", model, "output", out, "device", "cpu"), true));
    assertTrue(unnamed.getMessage().contains("--resume needs the run_id"), unnamed.getMessage());

    JobRun.Result resumed = JobRegistry.run(spark, config(input, model, out, "stopped", 2.0), true);
    assertEquals(kept.size(), resumed.rowsResumed(), "the finished samples are kept");
    assertEquals(60 - kept.size(), resumed.counts().rowsOut() - resumed.rowsResumed(), "only the missing samples are computed");
    Map<Long, Row> published = byId(spark.read().parquet(out + "/polytopes/run_id=stopped"));
    kept.forEach((id, row) -> assertEquals(row, published.get(id), "sample " + id + " is the first attempt's row"));
    Dataset<Row> whole = spark.read().parquet(out + "/polytopes/run_id=whole").drop("seconds");
    Dataset<Row> again = spark.read().parquet(out + "/polytopes/run_id=stopped").drop("seconds");
    assertEquals(60, whole.count());
    assertEquals(0, whole.exceptAll(again).count() + again.exceptAll(whole).count(), "the same table as an uninterrupted run");
    Row record = spark.read().parquet(out + "/runs/run_id=stopped").first();
    assertEquals(RunRecord.SUCCEEDED, record.getAs("status"));
    assertTrue(record.<String>getAs("message").startsWith("resumed: " + kept.size() + " rows"), record.<String>getAs("message"));
    assertNull(spark.read().parquet(out + "/runs/run_id=whole").first().getAs("message"));
    assertFalse(Files.exists(Path.of(out, "_staging")), "a published run leaves no checkpoints");
  }

  private static Dataset<Row> keptChunks(SparkSession spark, Path outputs) throws Exception {
    try (Stream<Path> chunks = Files.list(outputs)) {
      String[] done = chunks.filter(c -> Files.exists(c.resolve("_SUCCESS"))).map(Path::toString).toArray(String[]::new);
      return spark.read().parquet(done);
    }
  }

  private static Map<Long, Row> byId(Dataset<Row> rows) {
    Map<Long, Row> out = new TreeMap<>();
    for (Row r : rows.collectAsList()) {
      out.put(r.getAs("sample_id"), r);
    }
    return out;
  }
}
