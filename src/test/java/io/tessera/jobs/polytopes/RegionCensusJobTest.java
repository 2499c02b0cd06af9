package io.tessera.jobs.polytopes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.JobFixtures;
import io.tessera.TestSpark;
import io.tessera.config.ConfigLoader;
import io.tessera.jobs.JobRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionCensusJobTest {
  @TempDir static Path tmp;

  @Test
  void countsRegionsPerTrainedNetworkWithinTheArrangementBoundAndReproduces() {
    String out = tmp.resolve("census").toString();
    RegionCensusConfig cfg = ConfigLoader.of(RegionCensusConfig.class, "output", out, "architectures", List.of(List.of(1, 4), List.of(2, 3)), "repeats", 2, "samples", 200, "validation_fraction", 0.25, "epochs", 2, "batch_size", 32, "learning_rate", 0.01, "seed", 7L, "partitions", 2, "run_id", "c1");
    JobRegistry.run(TestSpark.get(), cfg);
    assertEquals(List.of("network", 4L, 4L, 0L, 4L), JobFixtures.runCounts(out, "c1"), "two architectures, two repeats each");
    List<Row> rows = TestSpark.get().read().parquet(out + "/" + RegionCensusJob.TABLE).collectAsList();
    for (Row r : rows) {
      long regions = r.getAs("regions");
      assertTrue(regions >= 1);
      if (r.<Integer>getAs("layers") == 1) {
        // Four lines cut the plane into at most 1 + 4 + C(4, 2) = 11 regions.
        assertTrue(regions <= 11, "one layer of 4 units: " + regions);
      }
      assertTrue(r.<Double>getAs("validation_mse") >= 0);
    }
    List<Row> summary = TestSpark.get().read().parquet(out + "/" + RegionCensusJob.SUMMARY).collectAsList();
    assertEquals(2, summary.size());
    for (Row s : summary) {
      assertEquals(2L, s.<Long>getAs("networks"));
      double mean = rows.stream().filter(r -> r.<Integer>getAs("layers").equals(s.<Integer>getAs("layers")))
          .mapToLong(r -> r.<Long>getAs("regions")).average().orElseThrow();
      assertEquals(mean, s.<Double>getAs("avg"), 1e-12);
    }
    String again = tmp.resolve("census-again").toString();
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(RegionCensusConfig.class, "output", again, "architectures", List.of(List.of(1, 4)), "repeats", 2, "samples", 200, "validation_fraction", 0.25, "epochs", 2, "batch_size", 32, "learning_rate", 0.01, "seed", 7L, "partitions", 1, "run_id", "c2"));
    assertEquals(counts(rows, 1), counts(TestSpark.get().read().parquet(again + "/" + RegionCensusJob.TABLE).collectAsList(), 1),
        "the same seeds train the same networks, whatever the partitioning");
  }

  private static Map<Integer, Long> counts(List<Row> rows, int layers) {
    return rows.stream().filter(r -> r.<Integer>getAs("layers") == layers)
        .collect(Collectors.toMap(r -> r.<Integer>getAs("repeat"), r -> r.<Long>getAs("regions")));
  }
}
