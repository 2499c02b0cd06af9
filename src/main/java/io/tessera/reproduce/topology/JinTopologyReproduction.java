package io.tessera.reproduce.topology;

import io.tessera.config.ConfigLoader;
import io.tessera.data.DatasetIO;
import io.tessera.data.Splits;
import io.tessera.data.SyntheticDatasets;
import io.tessera.jobs.JobRegistry;
import io.tessera.jobs.diffusion.DiffusionSampleConfig;
import io.tessera.jobs.diffusion.DiffusionSampleJob;
import io.tessera.jobs.topology.PersistenceConfig;
import io.tessera.jobs.topology.PersistenceJob;
import io.tessera.jobs.topology.SampleMetricsConfig;
import io.tessera.jobs.topology.SampleMetricsJob;
import io.tessera.math.MeanInterval;
import io.tessera.model.DevicePolicy;
import io.tessera.model.diffusion.DiffusionCard;
import io.tessera.model.diffusion.DiffusionTrainer;
import io.tessera.model.diffusion.EpsNetwork;
import io.tessera.training.DiffusionTrainJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Jin et al.'s experiment on point clouds, end to end and through the jobs: per manifold, generate
 * training points, train a DDPM per training budget (train-diffusion; a short budget is the control
 * that shows what the metrics see in a worse model), draw a pool of samples from each
 * (diffusion-sample), then compare fresh ground-truth draws with draws from each pool
 * (sample-metrics, baseline: two ground-truth draws) and compute every side's diagrams and Betti
 * numbers (persistence). The
 * topology-recovery rate is the share of repeats whose Betti numbers at the manifold's scale are
 * the truth; the residual is the constraint that is 0 on the manifold, over the whole pool.
 */
public final class JinTopologyReproduction {
  static final String TRUTH = "ground-truth";
  /** The summary columns the report shows, in order. */
  static final List<String> METRICS = List.of("w2", "fd", "precision", "recall", "density", "coverage", "diagram_w2_h1");

  private JinTopologyReproduction() {}

  /** A mean over repeats (or samples) with its 95% t-interval; NaN where undefined. */
  public record Estimate(int n, double mean, double low, double high) {
    static Estimate of(MeanInterval m) {
      return new Estimate(m.n(), m.mean(), m.low(), m.high());
    }

    /** From a sample_metrics_summary row. */
    static Estimate of(Row summary) {
      return new Estimate(summary.getAs("repeats"), orNaN(summary.getAs("mean")), orNaN(summary.getAs("ci_low")), orNaN(summary.getAs("ci_high")));
    }

    private static double orNaN(Double value) {
      return value == null ? Double.NaN : value;
    }
  }

  /** A metric's estimate for two ground-truth draws and for a model, and the t-test p-value between them. */
  public record Metric(String name, Estimate truth, Estimate model, Double p) {}

  /** One DDPM's results: its card, its metrics against the floor, its topology-recovery rate and its residual. */
  public record ModelResult(String name, DiffusionCard card, List<Metric> metrics, double recovery, Estimate residual) {}

  /** One manifold's results, one entry per training budget. */
  public record ManifoldResult(String kind, String residualFormula, int[] betti, double scale, double truthRecovery, List<ModelResult> models) {}

  public static List<ManifoldResult> run(SparkSession spark, JinTopologyConfig cfg, Consumer<String> progress) {
    List<ManifoldResult> results = new ArrayList<>();
    for (String kind : cfg.manifolds()) {
      ManifoldTruth truth = ManifoldTruth.of(kind);
      String prefix = "jin-" + kind;
      String data = cfg.output() + "/datasets/" + prefix;
      DatasetIO.write(spark, SyntheticDatasets.generate(SyntheticDatasets.Kind.parse(kind), cfg.trainPoints(), cfg.seed(), 0),
          Splits.constant(cfg.trainPoints(), "train"), data, true);
      Map<String, Object> fresh = Map.of("generate", kind);
      Map<String, Object> comparisons = new LinkedHashMap<>();
      Map<String, Object> clouds = new LinkedHashMap<>();
      comparisons.put(TRUTH, Map.of("real", fresh, "fake", fresh));
      clouds.put(TRUTH, fresh);
      Map<String, DiffusionCard> cards = new LinkedHashMap<>();
      Map<String, String> pools = new LinkedHashMap<>();
      for (int iterations : cfg.iterations()) {
        String name = "ddpm-" + iterations;
        String model = cfg.output() + "/models/" + prefix + "-" + name;
        progress.accept(kind + ": train a DDPM (T = " + cfg.steps() + ", " + iterations + " iterations) on " + cfg.trainPoints()
            + " points -> " + model);
        cards.put(name, DiffusionTrainJob.run(spark, data, model, new DiffusionTrainer.Spec(prefix + "-" + name, EpsNetwork.mlp(cfg.hidden()),
            cfg.timeEmbedding(), cfg.steps(), iterations, cfg.batchSize(), cfg.learningRate(), cfg.seed(), DevicePolicy.parse(cfg.device()),
            data), line -> progress.accept("  " + line)));
        int pool = Math.max(cfg.repeats() * cfg.sampleSize(), cfg.persistencePoints());
        String run = prefix + "-" + name + "-samples";
        progress.accept(kind + ": draw " + pool + " samples from it (diffusion-sample, run " + run + ")");
        JobRegistry.run(spark, ConfigLoader.of(DiffusionSampleConfig.class, "model", model, "output", cfg.output(), "samples", pool,
            "seed", cfg.seed(), "device", cfg.device(), "run_id", run));
        pools.put(name, cfg.output() + "/" + DiffusionSampleJob.TABLE + "/run_id=" + run);
        comparisons.put(name, Map.of("real", fresh, "fake", Map.of("dataset", pools.get(name))));
        clouds.put(name, Map.of("dataset", pools.get(name)));
      }

      progress.accept(kind + ": sample metrics, " + cfg.repeats() + " repeats of " + cfg.sampleSize() + " per side (run " + prefix + "-metrics)");
      JobRegistry.run(spark, ConfigLoader.of(SampleMetricsConfig.class, "output", cfg.output(), "comparisons", comparisons, "sample_size",
          cfg.sampleSize(), "repeats", cfg.repeats(), "baseline", TRUTH, "seed", cfg.seed(), "run_id", prefix + "-metrics"));
      progress.accept(kind + ": persistence of " + cfg.landmarks() + " landmarks of " + cfg.persistencePoints() + " points per repeat (run "
          + prefix + "-persistence)");
      JobRegistry.run(spark, ConfigLoader.of(PersistenceConfig.class, "output", cfg.output(), "clouds", clouds, "points", cfg.persistencePoints(),
          "landmarks", cfg.landmarks(), "repeats", cfg.repeats(), "max_dimension", 2, "threshold", truth.threshold,
          "betti_scales", List.of(truth.scale), "seed", cfg.seed(), "run_id", prefix + "-persistence"));

      List<Row> summary = spark.read().parquet(cfg.output() + "/" + SampleMetricsJob.SUMMARY + "/run_id=" + prefix + "-metrics").collectAsList();
      List<Row> betti = spark.read().parquet(cfg.output() + "/" + PersistenceJob.BETTI + "/run_id=" + prefix + "-persistence")
          .select("cloud", "repeat", "dimension", "betti").collectAsList();
      List<ModelResult> models = new ArrayList<>();
      for (Map.Entry<String, DiffusionCard> card : cards.entrySet()) {
        String name = card.getKey();
        models.add(new ModelResult(name, card.getValue(), metrics(summary, name), recovery(betti, name, truth, cfg.repeats()),
            residual(spark, pools.get(name), truth)));
      }
      results.add(new ManifoldResult(kind, truth.residualFormula, truth.betti, truth.scale, recovery(betti, TRUTH, truth, cfg.repeats()), models));
    }
    return results;
  }

  /** The model's and the floor's summary rows, as sample-metrics wrote them, for the metrics the report shows. */
  private static List<Metric> metrics(List<Row> summary, String model) {
    List<Metric> metrics = new ArrayList<>();
    for (String name : METRICS) {
      Row floor = row(summary, TRUTH, name);
      Row mine = row(summary, model, name);
      metrics.add(new Metric(name, Estimate.of(floor), Estimate.of(mine), mine.getAs("p_vs_baseline")));
    }
    return metrics;
  }

  private static Row row(List<Row> summary, String comparison, String metric) {
    return summary.stream().filter(r -> r.getAs("comparison").equals(comparison) && r.getAs("metric").equals(metric)).findFirst().orElseThrow();
  }

  /** The share of a cloud's draws whose Betti numbers at the manifold's scale are the truth. */
  private static double recovery(List<Row> betti, String cloud, ManifoldTruth truth, int repeats) {
    int right = 0;
    for (int r = 0; r < repeats; r++) {
      int repeat = r;
      right += betti.stream().filter(b -> b.getString(0).equals(cloud) && b.getInt(1) == repeat)
          .allMatch(b -> b.getInt(3) == truth.betti[b.getInt(2)]) ? 1 : 0;
    }
    return right / (double) repeats;
  }

  /** The constraint residual over every sample of the pool: 0 exactly on the manifold. */
  private static Estimate residual(SparkSession spark, String samples, ManifoldTruth truth) {
    return Estimate.of(MeanInterval.of95(DatasetIO.read(spark, samples).select(DatasetIO.FEATURES).collectAsList().stream()
        .mapToDouble(r -> truth.residual(r.getList(0).stream().mapToDouble(v -> (Float) v).toArray())).toArray()));
  }
}
