package io.tessera.pipeline;

import io.tessera.ConfigException;
import io.tessera.HadoopFiles;
import io.tessera.TesseraException;
import io.tessera.config.ConfigLoader;
import io.tessera.data.DatasetFingerprint;
import io.tessera.data.DatasetIO;
import io.tessera.data.Splits;
import io.tessera.data.SyntheticDatasets;
import io.tessera.jobs.JobRegistry;
import io.tessera.model.DevicePolicy;
import io.tessera.model.ModelDigest;
import io.tessera.model.classifier.ModelCard;
import io.tessera.report.RunReport;
import io.tessera.run.CountUnit;
import io.tessera.run.JobRun;
import io.tessera.training.TrainJob;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The audit pipeline: its stages in order, each recorded in the runs table under its own run id
 * (the data and train stages too). A stage that fails stops the pipeline; re-running it replaces
 * only that stage's outputs, and resuming skips every stage whose key (its settings and the current
 * files of the data and model it reads) is the one it last succeeded with. Job stages get typed
 * configs from {@link JobRegistry}.
 */
public final class Pipeline {
  private Pipeline() {}

  /** Runs {@code stages} of {@code cfg} in order; with {@code resume}, skips those that are up to date. */
  public static void run(SparkSession spark, PipelineConfig cfg, List<String> stages, boolean resume) throws IOException {
    PipelineLedger ledger = new PipelineLedger(spark, cfg.output(), cfg.runId());
    for (String stage : stages) {
      String key = stageKey(spark, cfg, ledger, stage);
      if (resume && upToDate(cfg, ledger, stage, key)) {
        System.out.println("stage " + stage + " (run " + cfg.stageRunId(stage) + "): unchanged since it succeeded, skipped");
        continue;
      }
      long start = System.nanoTime();
      System.out.println("stage " + stage + " (run " + cfg.stageRunId(stage) + ")");
      ledger.forget(stage);
      runStage(spark, cfg, stage, resume);
      ledger.record(stage, key);
      System.out.printf(java.util.Locale.ROOT, "  done in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * A hash of what the stage's result depends on: its settings and the device, plus the dataset's
   * file listing and the model's bytes for stages that read them, plus, for the report, the keys
   * the other stages last succeeded with.
   */
  private static String stageKey(SparkSession spark, PipelineConfig cfg, PipelineLedger ledger, String stage) {
    var conf = spark.sparkContext().hadoopConfiguration();
    List<String> parts = new ArrayList<>(List.of(stage, cfg.device()));
    switch (stage) {
      case "data" -> parts.add(ConfigLoader.canonicalJson(cfg.generate()));
      case "train" -> {
        parts.add(ConfigLoader.canonicalJson(cfg.train()));
        parts.add(readable(() -> DatasetFingerprint.of(cfg.dataset(), conf)));
      }
      case "report" -> cfg.stages().stream().filter(s -> !s.equals("report")).forEach(s -> parts.add(s + "=" + ledger.recorded(s)));
      default -> {
        parts.add(ConfigLoader.canonicalJson(cfg.jobs().getOrDefault(stage, java.util.Map.of())));
        parts.add(readable(() -> DatasetFingerprint.of(cfg.dataset(), conf)));
        parts.add(readable(() -> ModelDigest.sha256(cfg.modelUri(), conf)));
      }
    }
    return ConfigLoader.sha256(String.join("\n", parts));
  }

  /** An input that cannot be read yet gets a key no success was recorded with; the stage then reports the problem itself. */
  private static String readable(java.util.function.Supplier<String> hash) {
    try {
      return hash.get();
    } catch (TesseraException unreadable) {
      return "unreadable";
    }
  }

  private static boolean upToDate(PipelineConfig cfg, PipelineLedger ledger, String stage, String key) throws IOException {
    return stage.equals("report")
        ? ledger.upToDate(stage, key) && HadoopFiles.exists(reportPath(cfg))
        : ledger.upToDate(stage, cfg.stageRunId(stage), key);
  }

  /** Beside the tables, on whatever file system holds them. */
  private static String reportPath(PipelineConfig cfg) {
    return cfg.output().replaceAll("/+$", "") + "/reports/" + cfg.runId() + ".html";
  }

  /**
   * The stages to run: all in order, from {@code from} on, or {@code only}; at most one of the two.
   * --resume combines with either (an Airflow retry of one stage resumes it).
   */
  public static List<String> selected(PipelineConfig cfg, String from, String only) {
    if (from != null && only != null) {
      throw new ConfigException("give at most one of --from and --only");
    }
    String named = from != null ? from : only;
    if (named != null && !cfg.stages().contains(named)) {
      throw new ConfigException("stage '" + named + "' is not in this pipeline; its stages: " + cfg.stages());
    }
    List<String> ordered = PipelineConfig.STAGES.stream().filter(cfg.stages()::contains).toList();
    if (only != null) {
      return List.of(only);
    }
    return from == null ? ordered : ordered.subList(ordered.indexOf(from), ordered.size());
  }

  /** With {@code resume}, a job stage stopped part-way goes on from its checkpoints. */
  private static void runStage(SparkSession spark, PipelineConfig cfg, String stage, boolean resume) throws IOException {
    String runId = cfg.stageRunId(stage);
    switch (stage) {
      case "data" -> JobRun.execute(spark, new JobRun.Description("generate", CountUnit.GENERATED_ROW, null, cfg.generate(), null, null, runId,
          cfg.output(), false), run -> {
        var g = cfg.generate();
        var points = SyntheticDatasets.generate(SyntheticDatasets.Kind.parse(g.kind()), g.n(), g.seed(), g.dim());
        DatasetIO.write(spark, points, Splits.trainTest(points.size(), g.testFraction()), cfg.dataset(), true);
        return new JobRun.Counts(points.size(), points.size(), 0);
      });
      case "train" -> JobRun.execute(spark, new JobRun.Description("train", CountUnit.MODEL, null, cfg.train(), cfg.dataset(), cfg.modelUri(), runId,
          cfg.output(), false),
          run -> {
            var t = cfg.train();
            TrainJob.run(spark, new TrainJob.Request(cfg.dataset(), cfg.modelUri(), cfg.runId(), ModelCard.Task.CLASSIFICATION, t.hidden(),
                t.epochs(), t.batchSize(), t.learningRate(), t.seed(), DevicePolicy.parse(cfg.device())), line -> System.out.println("  " + line));
            return new JobRun.Counts(1, 1, 0);
          });
      case "report" -> {
        List<String> runs = cfg.stages().stream().filter(s -> !s.equals("report")).map(cfg::stageRunId).toList();
        String html = reportPath(cfg);
        RunReport.write(spark, cfg.output(), runs, html);
        System.out.println("  wrote " + html);
      }
      default -> {
        Map<String, Object> settings = new LinkedHashMap<>(Map.of("input", cfg.dataset(), "model", cfg.modelUri(), "output", cfg.output(),
            "run_id", runId, "device", cfg.device()));
        settings.putAll(cfg.jobs().getOrDefault(stage, Map.of()));
        JobRun.Result result = JobRegistry.run(spark, stage, settings, resume);
        result.outputs().forEach(o -> System.out.println("  wrote " + o));
      }
    }
  }
}
