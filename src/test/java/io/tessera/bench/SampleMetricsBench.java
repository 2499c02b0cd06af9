package io.tessera.bench;

import io.tessera.config.ConfigLoader;
import io.tessera.data.MnistImport;
import io.tessera.jobs.JobRegistry;
import io.tessera.jobs.topology.SampleMetricsConfig;
import io.tessera.run.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The sample-metrics job end to end on embedded Spark: 4 comparisons x 10 repeats = 40 independent
 * tasks, all six metric families at n points per side, run once as one partition (a single thread
 * does every task in turn) and once spread over every core, in the same process and on the same
 * draws (the seeds do not depend on partitioning). With an IDX directory, two of the comparisons are
 * real MNIST digits (train against test, and train against train); otherwise all four are
 * generated manifolds. Prints both wall times, the speed-up, and the per-task median and worst.
 * Run with bench/sample-metrics.
 */
public final class SampleMetricsBench {
  private SampleMetricsBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    SparkSession spark = SparkSessions.getOrCreate();
    Path dir = Files.createTempDirectory("sample-metrics-bench");
    Map<String, Object> comparisons = new LinkedHashMap<>();
    comparisons.put("torus-vs-torus", Map.of("real", Map.of("generate", "clifford-torus"), "fake", Map.of("generate", "clifford-torus")));
    comparisons.put("torus-vs-klein", Map.of("real", Map.of("generate", "clifford-torus"), "fake", Map.of("generate", "klein-bottle")));
    if (args.length > 1) {
      String idx = args[1];
      String digits = dir.resolve("mnist").toString();
      MnistImport.write(spark, MnistImport.read(spark, idx + "/train-images-idx3-ubyte.gz", idx + "/train-labels-idx1-ubyte.gz",
          idx + "/t10k-images-idx3-ubyte.gz", idx + "/t10k-labels-idx1-ubyte.gz").head(5000, 5000), digits);
      comparisons.put("digits-train-vs-test", Map.of("real", Map.of("dataset", digits, "splits", List.of("train")),
          "fake", Map.of("dataset", digits, "splits", List.of("test"))));
      comparisons.put("digits-train-vs-train", Map.of("real", Map.of("dataset", digits, "splits", List.of("train")),
          "fake", Map.of("dataset", digits, "splits", List.of("train"))));
    } else {
      comparisons.put("sphere-vs-sphere", Map.of("real", Map.of("generate", "sphere"), "fake", Map.of("generate", "sphere")));
      comparisons.put("klein-vs-klein", Map.of("real", Map.of("generate", "klein-bottle"), "fake", Map.of("generate", "klein-bottle")));
    }
    int cores = spark.sparkContext().defaultParallelism();
    run(spark, dir, comparisons, n, 2, "warm-up"); // JIT and Spark start-up, not timed
    double one = run(spark, dir, comparisons, n, 1, "one-thread");
    double all = run(spark, dir, comparisons, n, 4 * cores, "spread");
    double[] perTask = spark.read().parquet(dir.resolve("spread").resolve("sample_metrics").toString())
        .select("seconds").collectAsList().stream().mapToDouble(r -> r.getDouble(0)).sorted().toArray();
    System.out.printf(Locale.ROOT, "sample-metrics: %d comparisons x 10 repeats = 40 tasks, n = %d per side, all metric families%n",
        comparisons.size(), n);
    System.out.printf(Locale.ROOT, "one partition (one thread): %.1f s; %d partitions on %d cores: %.1f s; speed-up %.2fx%n",
        one, 4 * cores, cores, all, one / all);
    double median = (perTask[(perTask.length - 1) / 2] + perTask[perTask.length / 2]) / 2;
    System.out.printf(Locale.ROOT, "per task: median %.2f s, worst %.2f s (%s)%n", median, perTask[perTask.length - 1],
        Arrays.toString(Arrays.stream(perTask).map(s -> Math.round(s * 100) / 100.0).toArray()));
    spark.stop();
  }

  private static double run(SparkSession spark, Path dir, Map<String, Object> comparisons, int n, int partitions, String name) {
    SampleMetricsConfig cfg = ConfigLoader.of(SampleMetricsConfig.class, "output", dir.resolve(name).toString(), "comparisons", comparisons,
        "sample_size", n, "repeats", name.equals("warm-up") ? 1 : 10, "diagram_points", Math.min(n, 200), "partitions", partitions, "run_id", name);
    long start = System.nanoTime();
    JobRegistry.run(spark, cfg);
    return (System.nanoTime() - start) / 1e9;
  }
}
