package io.tessera.bench;

import ai.djl.Device;
import io.tessera.config.ConfigLoader;
import io.tessera.data.SyntheticDatasets;
import io.tessera.jobs.JobRegistry;
import io.tessera.jobs.polytopes.RegionsConfig;
import io.tessera.math.MlpWeights;
import io.tessera.math.polytope.ReferenceTraversal;
import io.tessera.math.polytope.RegionTraversal;
import io.tessera.model.DevicePolicy;
import io.tessera.model.classifier.ModelCard;
import io.tessera.model.classifier.NetworkTrainer;
import io.tessera.model.classifier.ReluMlpNetwork;
import io.tessera.model.classifier.TesseraModelFormat;
import io.tessera.model.classifier.TrainSpec;
import io.tessera.model.classifier.TrainingSet;
import io.tessera.run.JobRun;
import io.tessera.run.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * Region enumeration throughput (regions/s) on a 3x20 ReLU MLP trained on Liu's x1^2 + x2^2 - 0.4,
 * in [-1, 1]^2: the regions job (distributed breadth-first search on embedded Spark, all cores)
 * against the toolbox-style reference, one thread de-duplicating by a linear scan of the visited
 * list, and the same single-thread traversal with a hash set. Same JVM, same network. Run with
 * bench/regions.
 */
public final class RegionsBench {
  private RegionsBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path dir = Files.createTempDirectory("tessera-regions-bench");
    var points = SyntheticDatasets.generate(SyntheticDatasets.Kind.REGRESSION, 5000, 1, 2);
    float[] x = new float[2 * points.size()];
    float[] y = new float[points.size()];
    for (int i = 0; i < points.size(); i++) {
      x[2 * i] = points.features()[i][0];
      x[2 * i + 1] = points.features()[i][1];
      y[i] = (float) points.targets()[i];
    }
    NetworkTrainer.train(new TrainingSet(x, y, points.size(), 2), null, new TrainSpec("bench-3x20", ModelCard.Task.REGRESSION,
        List.of(20, 20, 20), 1, 30, 32, 0.005, 1, DevicePolicy.CPU, "liu-x1^2+x2^2-0.4"), dir.resolve("model"), line -> {});
    MlpWeights weights;
    try (ReluMlpNetwork network = TesseraModelFormat.load(dir.resolve("model"), Device.cpu())) {
      weights = network.weights();
    }
    SparkSession spark = SparkSessions.getOrCreate();
    System.out.printf(Locale.ROOT, "region enumeration, 2-20-20-20-1 MLP trained on x1^2 + x2^2 - 0.4, box [-1, 1]^2, %d cores, median of %d rounds%n",
        Runtime.getRuntime().availableProcessors(), rounds);
    double[][] seconds = new double[3][rounds];
    long count = 0;
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      count = ReferenceTraversal.regions(weights, new double[] {0, 0}, -1, 1).size();
      seconds[0][r] = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      long hashed = RegionTraversal.regions(weights, new double[] {0, 0}, -1, 1, RegionTraversal.hashed()).size();
      seconds[1][r] = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      JobRun.Result result = JobRegistry.run(spark, ConfigLoader.of(RegionsConfig.class, "model", dir.resolve("model").toString(), "output", dir.resolve("out").toString(), "box", List.of(-1.0, 1.0), "partitions", 0, "device", "cpu", "run_id", "bench-" + r));
      seconds[2][r] = (System.nanoTime() - start) / 1e9;
      if (hashed != count || result.counts().rowsOut() != count) {
        throw new AssertionError("the methods disagree: " + count + ", " + hashed + ", " + result.counts().rowsOut());
      }
    }
    double reference = count / PatternsThroughputBench.median(seconds[0]);
    double single = count / PatternsThroughputBench.median(seconds[1]);
    double job = count / PatternsThroughputBench.median(seconds[2]);
    System.out.printf(Locale.ROOT, "%d regions, found identically by all three%n", count);
    System.out.printf(Locale.ROOT, "%-58s %8.1f regions/s%n", "reference: one thread, linear-scan de-duplication", reference);
    System.out.printf(Locale.ROOT, "%-58s %8.1f regions/s%n", "one thread, hash-set de-duplication", single);
    System.out.printf(Locale.ROOT, "%-58s %8.1f regions/s%n", "regions job (Spark breadth-first search, embedded)", job);
    System.out.printf(Locale.ROOT, "regions job / reference = %.2fx; single-thread hash / reference = %.2fx%n", job / reference, single / reference);
    spark.stop();
  }
}
