package io.tessera.reproduce;

import static org.apache.spark.sql.functions.countDistinct;

import io.tessera.config.ConfigLoader;
import io.tessera.data.DatasetIO;
import io.tessera.data.GridDataset;
import io.tessera.data.LabeledPoints;
import io.tessera.data.Splits;
import io.tessera.data.SyntheticDatasets;
import io.tessera.jobs.JobRegistry;
import io.tessera.jobs.patterns.PatternsConfig;
import io.tessera.jobs.patterns.PatternsJob;
import io.tessera.model.DevicePolicy;
import io.tessera.model.classifier.ModelCard;
import io.tessera.run.JobRun;
import io.tessera.tables.OutputRoot;
import io.tessera.training.TrainJob;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * The first thing a user runs: Liu et al.'s toy example end to end. It generates the regression
 * dataset, trains a 2x10 ReLU MLP on it, and runs the patterns job on the data and on a dense grid
 * over [-1,1]^2, then reports sample and distinct-pattern counts with the time of each stage.
 */
public final class Quickstart {
  private Quickstart() {}

  /** Sizes and settings; {@link #defaults(String)} is what {@code bin/tessera quickstart} runs. */
  public record Settings(String out, int samples, int gridResolution, int epochs, long seed, DevicePolicy device, int batchSize) {}

  public record Stage(String name, long millis) {}

  public record PatternsSummary(String input, String runId, long samples, long distinctPatterns, String output) {}

  public record Summary(ModelCard model, List<PatternsSummary> patterns, List<Stage> stages, String modelPath) {}

  public static Settings defaults(String out) {
    return new Settings(out, 10_000, 1000, 60, 7, DevicePolicy.AUTO, 4096);
  }

  public static Summary run(SparkSession spark, Settings s, Consumer<String> progress) {
    String datasets = s.out() + "/datasets";
    String toy = datasets + "/toy-regression";
    String grid = datasets + "/grid-" + s.gridResolution();
    String model = s.out() + "/models/toy-regression-mlp";
    List<Stage> stages = new ArrayList<>();
    List<PatternsSummary> patterns = new ArrayList<>();

    timed(stages, progress, "[1/5] generate " + s.samples() + " toy-regression points on [-1,1]^2 -> " + toy, () -> {
      LabeledPoints points = SyntheticDatasets.generate(SyntheticDatasets.Kind.REGRESSION, s.samples(), s.seed(), 2);
      DatasetIO.write(spark, points, Splits.trainTest(s.samples(), 0.2), toy, true);
    });
    ModelCard[] card = new ModelCard[1];
    timed(stages, progress, "[2/5] train a 2x10 ReLU MLP on x1^2 + x2^2 - 0.4 (DJL, " + s.epochs() + " epochs) -> " + model, () -> {
      TrainJob.Request request = new TrainJob.Request(toy, model, "toy-regression-mlp", ModelCard.Task.REGRESSION,
          List.of(10, 10), s.epochs(), 64, 0.005, s.seed(), s.device());
      card[0] = TrainJob.run(spark, request, line -> progress.accept("      " + line));
    });
    timed(stages, progress, "[3/5] patterns on the dataset", () -> patterns.add(patterns(spark, s, toy, model)));
    timed(stages, progress, "[4/5] generate a " + s.gridResolution() + "x" + s.gridResolution() + " grid over [-1,1]^2 -> " + grid,
        () -> GridDataset.write(spark, s.gridResolution(), -1, 1, grid, true));
    timed(stages, progress, "[5/5] patterns on the grid", () -> patterns.add(patterns(spark, s, grid, model)));
    return new Summary(card[0], patterns, stages, model);
  }

  private static PatternsSummary patterns(SparkSession spark, Settings s, String input, String model) {
    PatternsConfig cfg = ConfigLoader.of(PatternsConfig.class, "input", input, "model", model, "output", s.out(), "batch_size", s.batchSize(), "partitions", 0, "device", s.device().configValue(), "quarantine", false);
    JobRun.Result result = JobRegistry.run(spark, cfg);
    OutputRoot root = new OutputRoot(s.out(), spark.sparkContext().hadoopConfiguration());
    String partition = root.partition(PatternsJob.TABLE, result.runId()).toString();
    long distinct = spark.read().parquet(partition).agg(countDistinct("pattern_hash")).first().getLong(0);
    return new PatternsSummary(input, result.runId(), result.counts().rowsOut(), distinct, partition);
  }

  private static void timed(List<Stage> stages, Consumer<String> progress, String name, Runnable body) {
    progress.accept(name);
    long start = System.nanoTime();
    body.run();
    long millis = (System.nanoTime() - start) / 1_000_000;
    stages.add(new Stage(name.substring(0, name.contains(" -> ") ? name.indexOf(" -> ") : name.length()), millis));
    progress.accept(String.format("      done in %.1f s", millis / 1000.0));
  }
}
