package io.tessera.jobs.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.tessera.JobFixtures;
import io.tessera.TestSpark;
import io.tessera.cli.TesseraMain;
import io.tessera.config.ConfigLoader;
import io.tessera.jobs.JobRegistry;
import io.tessera.math.MlpWeights;
import io.tessera.math.Seeds;
import io.tessera.model.classifier.TesseraModelFormat;
import io.tessera.run.JobRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

class PerturbationGridJobTest {
  private static final List<Double> RADII = List.of(0.05, 0.2, 0.5);
  private static final int K = 6;

  @TempDir static Path tmp;
  static String input;
  static String model;

  @BeforeAll
  static void fixtures() {
    input = JobFixtures.xorDataset(tmp, 600);
    model = JobFixtures.tinyModel(tmp);
  }

  private static JobRun.Result run(String out, int partitions, int batch, String runId) {
    return run(out, partitions, batch, runId, "sphere", null);
  }

  private static JobRun.Result run(String out, int partitions, int batch, String runId, String noise, List<Double> clip) {
    return JobRegistry.run(TestSpark.get(),
        ConfigLoader.of(PerturbationGridConfig.class, "input", input, "model", model, "output", out, "radii", RADII, "directions", K, "seed", 42L, "batch_size", batch, "partitions", partitions, "device", "cpu", "run_id", runId, "quarantine", false,
            "noise", noise, "clip", clip));
  }

  private static List<Row> table(String out, String table, String order) {
    return TestSpark.get().read().parquet(out + "/" + table).drop("run_id")
        .orderBy(Arrays.stream(order.split(",")).map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new))
        .collectAsList();
  }

  @Test
  void tablesAreIdenticalWhateverThePartitioning() {
    String one = tmp.resolve("one").toString();
    String four = tmp.resolve("four").toString();
    run(one, 1, 8192, "p1");
    run(four, 4, 100, "p4");
    assertEquals(List.of("input row", 600L, 600L, 0L, 600L * RADII.size()), JobFixtures.runCounts(one, "p1"), "a row per sample and radius");
    List<Row> rowsOne = table(one, PerturbationGridJob.TABLE, "sample_id,radius");
    assertEquals(600 * RADII.size(), rowsOne.size());
    assertEquals(rowsOne, table(four, PerturbationGridJob.TABLE, "sample_id,radius"));
    assertEquals(table(one, PerturbationGridJob.SUMMARY, "split,radius"), table(four, PerturbationGridJob.SUMMARY, "split,radius"));
  }

  /** Each reading of "a point at distance r": the sphere, and per-pixel uniform and Gaussian moves, clipped or not. */
  @ParameterizedTest
  @CsvSource({"sphere,false", "uniform,false", "uniform,true", "gaussian,true"})
  void distancesMatchAnIndependentFloat64Computation(String noise, boolean clipped) {
    String out = tmp.resolve("exact-" + noise + clipped).toString();
    double[] clip = clipped ? new double[] {-0.3, 0.4} : null;
    run(out, 3, 500, "exact", noise, clipped ? List.of(clip[0], clip[1]) : null);
    MlpWeights weights = TesseraModelFormat.load(Path.of(model), Device.cpu()).weights();
    SparkSession spark = TestSpark.get();
    Map<Long, float[]> features = new HashMap<>();
    for (Row r : spark.read().parquet(input).collectAsList()) {
      List<Float> f = r.getList(r.fieldIndex("features"));
      features.put(r.getLong(r.fieldIndex("id")), new float[] {f.get(0), f.get(1)});
    }
    int compared = 0;
    int skipped = 0;
    for (Row row : table(out, PerturbationGridJob.TABLE, "sample_id,radius")) {
      long id = row.getAs("sample_id");
      double radius = row.getAs("radius");
      int r = RADII.indexOf(radius);
      float[] x = features.get(id);
      SplittableRandom random = Seeds.forSample(42L, id, PerturbationPartition.PURPOSE);
      List<Integer> hamming = row.getList(row.fieldIndex("hamming"));
      assertEquals(K, hamming.size());
      double sum = 0;
      for (int k = 0; k < K; k++) {
        double[] u = switch (noise) {
          case "sphere" -> Seeds.unitDirection(random, 2);
          case "uniform" -> new double[] {random.nextDouble() * 2 - 1, random.nextDouble() * 2 - 1};
          default -> new double[] {random.nextGaussian(), random.nextGaussian()};
        };
        double[] moved = new double[2];
        for (int c = 0; c < 2; c++) {
          double v = x[c] + RADII.get(r) * u[c];
          moved[c] = (float) (clip == null ? v : Math.max(clip[0], Math.min(clip[1], v))); // the job perturbs in float32, as here
        }
        double[][] zClean = weights.evaluate(new double[] {x[0], x[1]}).preActivations();
        double[][] zMoved = weights.evaluate(moved).preActivations();
        if (minAbs(zClean) < 1e-4 || minAbs(zMoved) < 1e-4) {
          skipped++; // float32 and float64 may disagree on a bit this close to its boundary
        } else {
          int expected = 0;
          for (int l = 0; l < zClean.length; l++) {
            for (int j = 0; j < zClean[l].length; j++) {
              expected += (zClean[l][j] > 0) != (zMoved[l][j] > 0) ? 1 : 0;
            }
          }
          assertEquals(expected, hamming.get(k), "sample " + id + " radius " + radius + " direction " + k);
          compared++;
        }
        sum += hamming.get(k);
      }
      assertEquals(sum / K, row.<Double>getAs("mean_hamming"), 1e-12);
    }
    assertTrue(compared > 0.98 * (compared + skipped), "compared " + compared + ", skipped " + skipped);
  }

  @Test
  void summaryAgreesWithADirectComputation() {
    String out = tmp.resolve("summary").toString();
    run(out, 2, 1000, "summary");
    List<Row> perSample = table(out, PerturbationGridJob.TABLE, "sample_id,radius");
    for (Row s : table(out, PerturbationGridJob.SUMMARY, "split,radius")) {
      List<Integer> values = new ArrayList<>();
      long samples = 0;
      for (Row row : perSample) {
        if (row.getAs("split").equals(s.getAs("split")) && row.<Double>getAs("radius").equals(s.getAs("radius"))) {
          values.addAll(row.getList(row.fieldIndex("hamming")));
          samples++;
        }
      }
      int[] v = values.stream().mapToInt(Integer::intValue).sorted().toArray();
      double mean = Arrays.stream(v).average().orElseThrow();
      double sd = Math.sqrt(Arrays.stream(v).mapToDouble(h -> (h - mean) * (h - mean)).sum() / (v.length - 1));
      assertEquals(samples, s.<Long>getAs("samples"));
      assertEquals(v.length, s.<Long>getAs("count"));
      assertEquals(mean, s.<Double>getAs("mean"), 1e-12);
      assertEquals(sd, s.<Double>getAs("sd"), 1e-9);
      assertEquals(v[0], s.<Integer>getAs("min"));
      assertEquals(v[v.length - 1], s.<Integer>getAs("max"));
      assertEquals(quantile(v, 0.5), s.<Double>getAs("median"), 1e-12);
      assertEquals(quantile(v, 0.25), s.<Double>getAs("q25"), 1e-12);
      assertEquals(quantile(v, 0.75), s.<Double>getAs("q75"), 1e-12);
    }
  }

  @Test
  void badRadiiAndDirectionsAreClearErrors() {
    for (String[] bad : new String[][] {
        {"radii=[]", "radii must be a non-empty list"},
        {"radii=[0.1, -1]", "finite numbers > 0, got [0.1, -1.0]"},
        {"radii=[0]", "finite numbers > 0"},
        {"radii=[0.1, 0.1]", "must not repeat"},
        {"directions=0", "directions must be in 1.."},
        {"noise=cube", "unknown noise 'cube'; known: sphere, uniform, gaussian"},
        {"clip=[1, 0]", "clip must be [lo, hi] with finite lo < hi, got [1.0, 0.0]"}}) {
      StringWriter err = new StringWriter();
      List<String> args = new ArrayList<>(List.of("run", "perturbation-grid", "--set", "input=" + input, "--set", "model=" + model,
          "--set", "output=" + tmp.resolve("bad"), "--set", "radii=[0.1]"));
      args.add("--set");
      args.add(bad[0]);
      assertEquals(2, TesseraMain.execute(new PrintWriter(err), args.toArray(String[]::new)), bad[0]);
      assertTrue(err.toString().contains(bad[1]), err.toString());
    }
    io.tessera.TesseraException nan = org.junit.jupiter.api.Assertions.assertThrows(io.tessera.TesseraException.class,
        () -> ConfigLoader.of(PerturbationGridConfig.class, "input", "i", "model", "m", "output", "o", "radii", List.of(Double.NaN)));
    assertTrue(nan.getMessage().contains("finite numbers > 0"), nan.getMessage());
  }

  /** Linear interpolation between order statistics, Spark's percentile definition. */
  private static double quantile(int[] sorted, double p) {
    double position = p * (sorted.length - 1);
    int lower = (int) Math.floor(position);
    int upper = (int) Math.ceil(position);
    return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
  }

  private static double minAbs(double[][] z) {
    double m = Double.POSITIVE_INFINITY;
    for (double[] layer : z) {
      for (double v : layer) {
        m = Math.min(m, Math.abs(v));
      }
    }
    return m;
  }
}
