package io.tessera.bench;

import ai.djl.Device;
import io.tessera.config.ConfigLoader;
import io.tessera.data.SyntheticDatasets;
import io.tessera.jobs.JobRegistry;
import io.tessera.jobs.polytopes.RegionsConfig;
import io.tessera.jobs.polytopes.RegionsJob;
import io.tessera.math.MlpWeights;
import io.tessera.math.polytope.BoxedRegion;
import io.tessera.math.polytope.ReferenceTraversal;
import io.tessera.math.polytope.RegionTraversal;
import io.tessera.math.polytope.TiledRegions;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.SparkSession;

/**
 * Region enumeration throughput (regions/s): the regions job (tiles on embedded Spark, all cores,
 * end to end: enumeration, merge, table and summary written) against the single-thread traversal
 * with a hash set, same JVM, same trained network, on each case. The first case also runs the
 * toolbox-style reference that de-duplicates by a linear scan. Networks are trained on Liu's
 * x1^2 + x2^2 - 0.4 (3-D: x1^2 + x2^2 + x3^2 - 1) in [-1, 1]^m; wider boxes hold more regions.
 * Run with bench/regions [rounds] [case ...]; cases are named WIDTHxDEPTH@BOX[:3d], e.g. 64x3@4.
 *
 * <p>The ceiling of the job's ratio is measured in the same run from two parts. A job run has a
 * fixed cost (planning, staging, publishing, the runs table) that no amount of parallel work
 * removes: the job on a box so small that it holds one region. And the tiles' work cannot run
 * faster than the same tiles traversed by plain Java threads, one per core, with no Spark at all
 * (on a 2-core VM that is well short of 2x: memory traffic and the garbage collector share the
 * cores). The ceiling is T_1 / (T_fixed + T_threads), printed beside each ratio.
 */
public final class RegionsBench {
  private static final List<String> DEFAULT_CASES = List.of("20x3@2", "64x3@6", "128x3@4", "256x3@3", "10x3@1:3d");

  private RegionsBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    List<String> cases = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : DEFAULT_CASES;
    Path dir = Files.createTempDirectory("tessera-regions-bench");
    SparkSession spark = SparkSessions.getOrCreate();
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(Locale.ROOT, "region enumeration, trained ReLU MLPs, %d cores, %d rounds per case (median and worst)%n", cores, rounds);
    run(spark, dir, cases.get(0), 1, false, 0, true); // warm-up: JIT, native libraries, Spark's first jobs
    double fixed = fixedCost(spark, dir, cases.get(0), rounds);
    System.out.printf(Locale.ROOT, "fixed cost of a regions job run (a one-region box): %.2f s median%n", fixed);
    System.out.printf(Locale.ROOT, "%-12s %9s %7s %14s %14s %14s %14s %8s %8s %8s %8s%n", "case", "regions", "pieces",
        "1 thread med", "1 thread worst", "job med", "job worst", "median", "worst", "ceiling", "/ceiling");
    System.out.printf(Locale.ROOT, "  (regions/s; ratios are job / one thread; ceiling = one thread / (fixed cost + plain threads on the same tiles))%n");
    for (String name : cases) {
      run(spark, dir, name, rounds, name.equals(cases.get(0)), fixed, false);
    }
    spark.stop();
  }

  /** Median seconds of the job on [0, 0.001]^m around a point that lies inside one region. */
  private static double fixedCost(SparkSession spark, Path dir, String name, int rounds) {
    Path model = model(dir, name);
    double[] seconds = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      JobRun.Result result = JobRegistry.run(spark, ConfigLoader.of(RegionsConfig.class, "model", model.toString(), "output", dir.resolve("fixed").toString(),
          "box", List.of(0.0, 0.001), "volume_samples", 1000, "partitions", 0, "device", "cpu", "run_id", "fixed-" + r));
      seconds[r] = (System.nanoTime() - start) / 1e9;
      if (result.counts().rowsOut() != 1) {
        throw new AssertionError("the tiny box holds " + result.counts().rowsOut() + " regions, not 1");
      }
    }
    return PatternsThroughputBench.median(seconds);
  }

  private static Path model(Path dir, String name) {
    String[] parts = name.split("[x@:]");
    int m = name.endsWith(":3d") ? 3 : 2;
    Path model = dir.resolve("model-" + parts[0] + "x" + parts[1] + "-" + m);
    if (!Files.exists(model)) {
      train(model, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), m);
    }
    return model;
  }

  private static void run(SparkSession spark, Path dir, String name, int rounds, boolean withReference, double fixed, boolean quiet) {
    double box = Double.parseDouble(name.split("[x@:]")[2]);
    int m = name.endsWith(":3d") ? 3 : 2;
    Path model = model(dir, name);
    MlpWeights weights;
    try (ReluMlpNetwork network = TesseraModelFormat.load(model, Device.cpu())) {
      weights = network.weights();
    }
    double[] centre = new double[m];
    double[] single = new double[rounds];
    double[] threads = new double[rounds];
    double[] job = new double[rounds];
    long count = 0;
    long pieces = 0;
    for (int r = 0; r < rounds; r++) {
      AtomicLong found = new AtomicLong();
      long start = System.nanoTime();
      RegionTraversal.forEach(weights, centre, -box, box, RegionTraversal.hashed(), region -> found.incrementAndGet());
      single[r] = (System.nanoTime() - start) / 1e9;
      threads[r] = plainThreads(weights, box);
      start = System.nanoTime();
      String out = dir.resolve("out").toString();
      JobRun.Result result = JobRegistry.run(spark, ConfigLoader.of(RegionsConfig.class, "model", model.toString(), "output", out,
          "box", List.of(-box, box), "volume_samples", 20_000, "partitions", 0, "device", "cpu", "run_id", "bench-" + r));
      job[r] = (System.nanoTime() - start) / 1e9;
      count = found.get();
      if (result.counts().rowsOut() != count) {
        throw new AssertionError(name + ": the job found " + result.counts().rowsOut() + " regions, one thread " + count);
      }
      pieces = spark.read().parquet(out + "/region_summary").where("run_id = 'bench-" + r + "'").first().<Long>getAs("pieces");
    }
    if (quiet) {
      return;
    }
    double singleMedian = PatternsThroughputBench.median(single);
    double jobMedian = PatternsThroughputBench.median(job);
    double singleWorst = Arrays.stream(single).max().orElseThrow();
    double jobWorst = Arrays.stream(job).max().orElseThrow();
    double ceiling = singleMedian / (fixed + PatternsThroughputBench.median(threads));
    System.out.printf(Locale.ROOT, "%-12s %9d %7.2f %12.0f/s %12.0f/s %12.0f/s %12.0f/s %7.2fx %7.2fx %7.2fx %7.2f%n", name, count, (double) pieces / count,
        count / singleMedian, count / singleWorst, count / jobMedian, count / jobWorst, singleMedian / jobMedian, singleWorst / jobWorst,
        ceiling, singleMedian / jobMedian / ceiling);
    if (withReference) {
      long start = System.nanoTime();
      int reference = ReferenceTraversal.regions(weights, centre, -box, box).size();
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "%-12s %9d  toolbox-style linear-scan traversal: %.0f regions/s (one run)%n", name, reference, reference / seconds);
    }
  }

  /** Seconds for the job's tiles, traversed by one plain Java thread per core. */
  private static double plainThreads(MlpWeights weights, double box) {
    int cores = Runtime.getRuntime().availableProcessors();
    int m = weights.inputDim();
    int perAxis = RegionsJob.autoTiles(cores, m);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(cores);
    long start = System.nanoTime();
    try {
      List<java.util.concurrent.Future<?>> tiles = new ArrayList<>();
      double[][] cube = BoxedRegion.cube(m, -box, box);
      for (int t = 0; t < Math.pow(perAxis, m); t++) {
        double[][] tile = TiledRegions.tile(t, perAxis, m, -box, box);
        tiles.add(pool.submit(() -> {
          for (TiledRegions.Piece piece : TiledRegions.pieces(weights, tile[0], tile[1], -box, box, Long.MAX_VALUE)) {
            if (!piece.empty()) {
              BoxedRegion.of(piece.polytope(), cube[0], cube[1], piece.whole() ? piece.activeRows() : null); // finish every region, as the job does
            }
          }
        }));
      }
      for (var tile : tiles) {
        tile.get();
      }
    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdown();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static void train(Path model, int width, int depth, int m) {
    int n = 5000;
    float[] x = new float[m * n];
    float[] y = new float[n];
    if (m == 2) {
      var points = SyntheticDatasets.generate(SyntheticDatasets.Kind.REGRESSION, n, 1, 2);
      for (int i = 0; i < n; i++) {
        x[2 * i] = points.features()[i][0];
        x[2 * i + 1] = points.features()[i][1];
        y[i] = (float) points.targets()[i];
      }
    } else {
      java.util.SplittableRandom random = new java.util.SplittableRandom(3);
      for (int i = 0; i < n; i++) {
        double r2 = 0;
        for (int j = 0; j < 3; j++) {
          x[3 * i + j] = (float) (2 * random.nextDouble() - 1);
          r2 += x[3 * i + j] * x[3 * i + j];
        }
        y[i] = (float) (r2 - 1);
      }
    }
    List<Integer> widths = new ArrayList<>(java.util.Collections.nCopies(depth, width));
    NetworkTrainer.train(new TrainingSet(x, y, n, m), null, new TrainSpec("bench-" + width + "x" + depth, ModelCard.Task.REGRESSION,
        widths, 1, 30, 32, 0.005, 1, DevicePolicy.CPU, m == 2 ? "liu-x1^2+x2^2-0.4" : "x1^2+x2^2+x3^2-1"), model, line -> {});
  }
}
