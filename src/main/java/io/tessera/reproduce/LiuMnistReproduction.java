package io.tessera.reproduce;

import io.tessera.config.ConfigLoader;
import io.tessera.data.MnistImport;
import io.tessera.jobs.JobRegistry;
import io.tessera.jobs.patterns.AdversarialConfig;
import io.tessera.jobs.patterns.AdversarialJob;
import io.tessera.jobs.patterns.HammingNeighboursConfig;
import io.tessera.jobs.patterns.HammingNeighboursJob;
import io.tessera.jobs.patterns.PerturbationGridConfig;
import io.tessera.jobs.patterns.PerturbationGridJob;
import io.tessera.jobs.polytopes.PolytopesConfig;
import io.tessera.jobs.polytopes.PolytopesJob;
import io.tessera.jobs.polytopes.SegmentCrossingsConfig;
import io.tessera.jobs.polytopes.SegmentCrossingsJob;
import io.tessera.math.MeanInterval;
import io.tessera.model.DevicePolicy;
import io.tessera.model.classifier.ModelCard;
import io.tessera.training.TrainJob;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Liu et al.'s MNIST protocols end to end: import the IDX files, train each MLP with DJL, attack
 * the test split with FGSM, then Table 3 (1-NN label agreement, Hamming vs Euclidean, within train
 * and within test) and Table 4 (Hamming distance to a random point at distance r, for train, test
 * and FGSM) per model; Table 5 (regions along the segment between Hamming-nearest training pairs)
 * and Table 6 (Chebyshev radii of train, test and FGSM regions, with and without the pixel box) on
 * the geometry model; and Table 2 scaled (facets against width, on pooled digits). Every stage is
 * an ordinary job run, recorded in the runs table.
 */
public final class LiuMnistReproduction {
  private LiuMnistReproduction() {}

  public record Table3Row(String model, String split, String metric, double agreement, long samples) {}

  /** Table 4: {@code radius} is the paper's r; the grid ran at r times the reading's radius_scale. */
  public record Table4Row(String model, String reading, String split, double radius, double mean, double sd, long count) {}

  /** Table 2: facets of {@code images} training regions of a layers x width net, and the seconds each took. */
  public record Table2Row(int width, int rows, MeanInterval facets, MeanInterval seconds) {}

  /** Table 5: one segment between Hamming-nearest training images. */
  public record PathRow(long a, long b, double euclidean, int hamming, int regions, Integer bisectionRegions, int multiBitCrossings) {}

  /**
   * All measured segments: how far the region count exceeds its lower bound d_H + 1, how often the
   * bound is met, and how often Algorithm 2 finds every region.
   */
  public record PathSummary(MeanInterval hamming, MeanInterval regions, MeanInterval excess, double shareAtBound, double shareBisectionExact,
      long multiBitCrossings) {}

  /** Table 6: finite Chebyshev radii of one split's regions under one box setting. */
  public record Table6Row(String box, String split, MeanInterval radius, long unbounded) {}

  public record Result(List<ModelCard> models, List<Table3Row> table3, List<Table4Row> table4, List<String> fgsmSuccess,
      List<PathRow> table5, PathSummary paths, List<Table6Row> table6, List<Table2Row> table2) {}

  public static Result run(SparkSession spark, LiuMnistConfig cfg, Consumer<String> progress) {
    String data = cfg.output() + "/datasets/mnist";
    progress.accept("import MNIST IDX files -> " + data);
    MnistImport.Imported mnist = cfg.mnist().read(spark);
    MnistImport.write(spark, mnist, data);
    progress.accept(String.format("  %d train and %d test images", mnist.train().size(), mnist.test().size()));

    List<ModelCard> cards = new ArrayList<>();
    List<Table3Row> table3 = new ArrayList<>();
    List<Table4Row> table4 = new ArrayList<>();
    List<String> fgsm = new ArrayList<>();
    Map<String, String> adversarialOf = new HashMap<>();
    for (LiuMnistConfig.Model m : cfg.models()) {
      String model = cfg.output() + "/models/" + m.name();
      progress.accept("train " + m.name() + " " + m.hidden() + " (" + cfg.epochs() + " epochs) -> " + model);
      ModelCard card = TrainJob.run(spark, new TrainJob.Request(data, model, "liu-" + m.name(), ModelCard.Task.CLASSIFICATION, m.hidden(),
          cfg.epochs(), cfg.batchSize(), cfg.learningRate(), cfg.seed(), DevicePolicy.parse(cfg.device())), line -> progress.accept("  " + line));
      cards.add(card);

      String runPrefix = runPrefix(m.name());
      progress.accept(m.name() + ": FGSM on the test split, epsilon " + cfg.fgsmEpsilon());
      JobRegistry.run(spark, ConfigLoader.of(AdversarialConfig.class, "input", data, "model", model, "output", cfg.output(), "epsilon", cfg.fgsmEpsilon(), "attacks", List.of("fgsm"), "domain", List.of(0.0, 1.0), "device", cfg.device(), "run_id", runPrefix + "-fgsm", "quarantine", false, "splits", List.of("test")));
      String adversarial = cfg.output() + "/" + AdversarialJob.TABLE + "/run_id=" + runPrefix + "-fgsm";
      adversarialOf.put(m.name(), adversarial);
      Row success = spark.read().parquet(adversarial)
          .selectExpr("avg(CAST(clean_prediction = label AS DOUBLE))", "avg(CAST(adversarial_prediction <> label AS DOUBLE))").first();
      fgsm.add(String.format(Locale.ROOT, "%s: clean test accuracy %.4f, FGSM success rate %.4f", m.name(), success.getDouble(0), success.getDouble(1)));

      progress.accept(m.name() + ": Table 3, leave-one-out 1-NN within train and within test");
      JobRegistry.run(spark, ConfigLoader.of(HammingNeighboursConfig.class, "input", data, "model", model, "output", cfg.output(), "device", cfg.device(), "run_id", runPrefix + "-nn", "quarantine", false));
      for (Row r : spark.read().parquet(cfg.output() + "/" + HammingNeighboursJob.SUMMARY + "/run_id=" + runPrefix + "-nn")
          .orderBy("metric", "split").collectAsList()) {
        table3.add(new Table3Row(m.name(), r.getAs("split"), r.getAs("metric"), r.getAs("agreement"), r.getAs("samples")));
      }

      for (int k = 0; k < cfg.readings().size(); k++) {
        LiuMnistConfig.Reading reading = cfg.readings().get(k);
        progress.accept(m.name() + ": Table 4, Hamming distance at radii " + cfg.radii() + " for train, test and FGSM (" + reading.describe() + ")");
        List<Double> radii = cfg.radii().stream().map(r -> r * reading.radiusScale()).toList();
        for (String[] source : new String[][] {{data, "data"}, {adversarial, "fgsm"}}) {
          String runId = runPrefix + "-grid-" + source[1] + (k == 0 ? "" : "-reading" + k);
          JobRegistry.run(spark, ConfigLoader.of(PerturbationGridConfig.class, "input", source[0], "model", model, "output", cfg.output(), "radii", radii,
              "directions", cfg.directions(), "seed", cfg.seed(), "noise", reading.noise(), "clip", reading.clip(), "device", cfg.device(), "run_id", runId,
              "quarantine", false));
          for (Row r : spark.read().parquet(cfg.output() + "/" + PerturbationGridJob.SUMMARY + "/run_id=" + runId).orderBy("radius", "split").collectAsList()) {
            table4.add(new Table4Row(m.name(), reading.describe(), r.getAs("split"), r.<Double>getAs("radius") / reading.radiusScale(), r.getAs("mean"),
                r.getAs("sd"), r.getAs("count")));
          }
        }
      }
    }

    String geometryModel = cfg.output() + "/models/" + cfg.geometryModel();
    List<PathRow> table5 = new ArrayList<>();
    PathSummary paths = null;
    if (cfg.pathPairs() > 0) {
      List<PathRow> all = paths(spark, cfg, data, geometryModel, progress);
      table5.addAll(spread(all, 6));
      paths = summarise(all);
    }
    List<Table6Row> table6 = cfg.chebyshevSamples() > 0
        ? chebyshevRadii(spark, cfg, data, adversarialOf.get(cfg.geometryModel()), geometryModel, progress) : List.of();
    List<Table2Row> table2 = cfg.activeBits().images() > 0 ? activeBits(spark, cfg, mnist, progress) : List.of();
    return new Result(cards, table3, table4, fgsm, table5, paths, table6, table2);
  }

  /** Table 5: exact crossings (and Algorithm 2) of the segments between Hamming-nearest training pairs, by d_H. */
  private static List<PathRow> paths(SparkSession spark, LiuMnistConfig cfg, String data, String model, Consumer<String> progress) {
    progress.accept(cfg.geometryModel() + ": Table 5, exact crossings and Algorithm 2 on " + cfg.pathPairs() + " Hamming-nearest training pairs");
    String prefix = runPrefix(cfg.geometryModel());
    String runId = prefix + "-paths";
    JobRegistry.run(spark, ConfigLoader.of(SegmentCrossingsConfig.class, "input", data, "model", model, "output", cfg.output(),
        "neighbours", cfg.output() + "/" + HammingNeighboursJob.TABLE + "/run_id=" + prefix + "-nn", "metric", "hamming",
        "max_pairs", cfg.pathPairs(), "bisection", true, "splits", List.of("train"), "device", cfg.device(), "run_id", runId, "quarantine", false));
    List<PathRow> all = new ArrayList<>();
    for (Row r : spark.read().parquet(cfg.output() + "/" + SegmentCrossingsJob.TABLE + "/run_id=" + runId)
        .orderBy("endpoint_hamming", "sample_a").collectAsList()) {
      all.add(new PathRow(r.getAs("sample_a"), r.getAs("sample_b"), r.getAs("euclidean"), r.getAs("endpoint_hamming"), r.getAs("regions"),
          r.getAs("bisection_regions"), r.getAs("multi_bit_crossings")));
    }
    return all;
  }

  /** Table 6: radius-only polytopes runs on train, test and FGSM points, in the [0, 1] box and without one. */
  private static List<Table6Row> chebyshevRadii(SparkSession spark, LiuMnistConfig cfg, String data, String adversarial, String model,
      Consumer<String> progress) {
    progress.accept(cfg.geometryModel() + ": Table 6, Chebyshev radii of " + cfg.chebyshevSamples() + " train, test and FGSM regions, in [0, 1]^m and unboxed");
    List<Table6Row> rows = new ArrayList<>();
    for (List<Double> box : java.util.Arrays.asList(List.of(0.0, 1.0), null)) {
      for (String[] source : new String[][] {{data, "data"}, {adversarial, "fgsm"}}) {
        String runId = runPrefix(cfg.geometryModel()) + "-chebyshev-" + (box == null ? "free" : "box") + "-" + source[1];
        JobRegistry.run(spark, ConfigLoader.of(PolytopesConfig.class, "input", source[0], "model", model, "output", cfg.output(),
            "samples_per_split", cfg.chebyshevSamples(), "seed", cfg.seed(), "facets", false, "box", box, "device", cfg.device(),
            "run_id", runId, "quarantine", false));
        Dataset<Row> radii = spark.read().parquet(cfg.output() + "/" + PolytopesJob.TABLE + "/run_id=" + runId);
        for (Row split : radii.select("split").distinct().orderBy("split").collectAsList()) {
          Dataset<Row> inSplit = radii.where(col("split").equalTo(split.getString(0)));
          double[] finite = inSplit.where("chebyshev_radius < 'Infinity'::DOUBLE").select("chebyshev_radius").as(Encoders.DOUBLE())
              .collectAsList().stream().mapToDouble(Double::doubleValue).toArray();
          long unbounded = inSplit.where("chebyshev_radius = 'Infinity'::DOUBLE").count();
          rows.add(new Table6Row(box == null ? "none" : "[0, 1]", split.getString(0), finite.length == 0 ? null : MeanInterval.of95(finite), unbounded));
        }
      }
    }
    return rows;
  }

  /** Table 2 scaled: one net per width on pooled digits, facets of a few training regions each. */
  private static List<Table2Row> activeBits(SparkSession spark, LiuMnistConfig cfg, MnistImport.Imported mnist, Consumer<String> progress) {
    LiuMnistConfig.ActiveBits t2 = cfg.activeBits();
    String pooled = cfg.output() + "/datasets/mnist-pool" + t2.pool();
    MnistImport.Imported small = mnist.averagePooled(t2.pool());
    MnistImport.write(spark, small, pooled);
    progress.accept("Table 2 (scaled): " + t2.layers() + " x w nets on " + small.train().dim() + "-pixel pooled digits, widths " + t2.widths()
        + ", facets of " + t2.images() + " training regions each");
    List<Table2Row> rows = new ArrayList<>();
    for (int width : t2.widths()) {
      String name = "pool" + t2.pool() + "-" + t2.layers() + "x" + width;
      String model = cfg.output() + "/models/" + name;
      TrainJob.run(spark, new TrainJob.Request(pooled, model, "liu-" + name, ModelCard.Task.CLASSIFICATION, java.util.Collections.nCopies(t2.layers(), width),
          cfg.epochs(), cfg.batchSize(), cfg.learningRate(), cfg.seed(), DevicePolicy.parse(cfg.device())), line -> progress.accept("  " + line));
      String runId = "liu-" + name + "-facets";
      JobRegistry.run(spark, ConfigLoader.of(PolytopesConfig.class, "input", pooled, "model", model, "output", cfg.output(), "samples_per_split", t2.images(),
          "seed", cfg.seed(), "splits", List.of("train"), "device", cfg.device(), "run_id", runId, "quarantine", false));
      List<Row> measured = spark.read().parquet(cfg.output() + "/" + PolytopesJob.TABLE + "/run_id=" + runId).select("num_active", "seconds").collectAsList();
      double[] facets = measured.stream().mapToDouble(r -> r.getInt(0)).toArray();
      double[] seconds = measured.stream().mapToDouble(r -> r.getDouble(1)).toArray();
      rows.add(new Table2Row(width, t2.layers() * width, MeanInterval.of95(facets), MeanInterval.of95(seconds)));
      progress.accept(String.format(Locale.ROOT, "  width %d: %.1f facets of %d rows", width, rows.get(rows.size() - 1).facets().mean(), t2.layers() * width));
    }
    return rows;
  }

  /** {@code count} rows at evenly spaced ranks of a list sorted by Hamming distance (the paper's six pairs span 98-320). */
  static List<PathRow> spread(List<PathRow> sorted, int count) {
    if (sorted.size() <= count) {
      return sorted;
    }
    List<PathRow> picked = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      picked.add(sorted.get((int) ((i + 0.5) * sorted.size() / count)));
    }
    return picked;
  }

  static PathSummary summarise(List<PathRow> paths) {
    double[] hamming = paths.stream().mapToDouble(PathRow::hamming).toArray();
    double[] regions = paths.stream().mapToDouble(PathRow::regions).toArray();
    double[] excess = paths.stream().mapToDouble(p -> p.regions() - 1 - p.hamming()).toArray();
    double atBound = paths.stream().filter(p -> p.regions() == p.hamming() + 1).count() / (double) paths.size();
    double bisectionExact = paths.stream().filter(p -> p.bisectionRegions() != null && p.bisectionRegions() == p.regions()).count() / (double) paths.size();
    long multiBit = paths.stream().mapToLong(PathRow::multiBitCrossings).sum();
    return new PathSummary(MeanInterval.of95(hamming), MeanInterval.of95(regions), MeanInterval.of95(excess), atBound, bisectionExact, multiBit);
  }

  private static String runPrefix(String model) {
    return "liu-" + model.toLowerCase(Locale.ROOT);
  }
}
