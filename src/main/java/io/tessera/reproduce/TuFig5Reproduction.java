package io.tessera.reproduce;

import io.tessera.config.ConfigLoader;
import io.tessera.data.DatasetIO;
import io.tessera.data.LabeledPoints;
import io.tessera.data.Splits;
import io.tessera.data.TuShapes;
import io.tessera.jobs.JobRegistry;
import io.tessera.jobs.diffusion.DiffusionLoglikConfig;
import io.tessera.jobs.diffusion.DiffusionLoglikJob;
import io.tessera.model.DevicePolicy;
import io.tessera.model.diffusion.DiffusionCard;
import io.tessera.model.diffusion.DiffusionTrainer;
import io.tessera.model.diffusion.EpsNetwork;
import io.tessera.training.DiffusionTrainJob;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Tu et al.'s Fig. 5 protocol end to end: generate the Swiss roll and the unseen shapes, train a
 * DDPM on the roll with DJL, then one diffusion-loglik run per shape over every step size. Each
 * shape is its own dataset, so the summary rows are per shape and h.
 */
public final class TuFig5Reproduction {
  private TuFig5Reproduction() {}

  /** One summary row: a shape's mean per-point estimate (nats and log10) and mean per-point sd, at step size h. */
  public record Row5(String shape, int h, long points, double mean, double meanLog10, double meanRoundSd) {}

  public record Result(DiffusionCard model, List<Row5> rows) {}

  public static Result run(SparkSession spark, TuFig5Config cfg, Consumer<String> progress) {
    String roll = cfg.output() + "/datasets/tu-swiss-roll-train";
    DatasetIO.write(spark, TuShapes.generate("swiss-roll", cfg.trainPoints(), cfg.seed()), Splits.constant(cfg.trainPoints(), "train"),
        roll, true);
    String model = cfg.output() + "/models/tu-swiss-roll-ddpm";
    progress.accept("train a DDPM (T = " + cfg.steps() + ", " + cfg.iterations() + " iterations) on " + cfg.trainPoints()
        + " Swiss-roll points -> " + model);
    DiffusionCard card = DiffusionTrainJob.run(spark, roll, model, new DiffusionTrainer.Spec("tu-swiss-roll-ddpm", EpsNetwork.mlp(cfg.hidden()),
        cfg.timeEmbedding(), cfg.steps(), cfg.iterations(), cfg.batchSize(), cfg.learningRate(), cfg.seed(),
        DevicePolicy.parse(cfg.device()), roll), line -> progress.accept("  " + line));

    List<Row5> rows = new ArrayList<>();
    for (int s = 0; s < TuShapes.SHAPES.size(); s++) {
      String shape = TuShapes.SHAPES.get(s);
      // Held-out points: a seed of their own, distinct from the training roll's.
      LabeledPoints points = TuShapes.generate(shape, cfg.pointsPerShape(), cfg.seed() + 1000 + s);
      String data = cfg.output() + "/datasets/tu-" + shape;
      DatasetIO.write(spark, points, Splits.constant(points.size(), "test"), data, true);
      String runId = "tu-fig5-" + shape;
      progress.accept(shape + ": " + points.size() + " points x " + cfg.rounds() + " rounds at h in " + cfg.stepSizes());
      JobRegistry.run(spark, ConfigLoader.of(DiffusionLoglikConfig.class, "input", data, "model", model, "output", cfg.output(), "step_sizes", cfg.stepSizes(), "rounds", cfg.rounds(), "variance", cfg.variance(), "seed", cfg.seed(), "keep_rounds", false, "dataset", shape, "device", cfg.device(), "run_id", runId, "quarantine", false));
      for (Row r : spark.read().parquet(cfg.output() + "/" + DiffusionLoglikJob.SUMMARY + "/run_id=" + runId).orderBy("h").collectAsList()) {
        rows.add(new Row5(shape, r.getAs("h"), r.getAs("samples"), r.getAs("mean"), r.getAs("mean_log10"), r.getAs("mean_round_sd")));
      }
    }
    return new Result(card, rows);
  }
}
