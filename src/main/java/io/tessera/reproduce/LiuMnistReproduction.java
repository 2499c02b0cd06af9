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
import io.tessera.model.DevicePolicy;
import io.tessera.model.classifier.ModelCard;
import io.tessera.training.TrainJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Liu et al.'s MNIST protocols end to end: import the IDX files, train each MLP with DJL, attack
 * the test split with FGSM, then Table 3 (1-NN label agreement, Hamming vs Euclidean, within train
 * and within test) and Table 4 (Hamming distance to a random point at distance r, for train, test
 * and FGSM). Every stage is an ordinary job run, recorded in the runs table.
 */
public final class LiuMnistReproduction {
  private LiuMnistReproduction() {}

  public record Table3Row(String model, String split, String metric, double agreement, long samples) {}

  public record Table4Row(String model, String split, double radius, double mean, double sd, long count) {}

  public record Result(List<ModelCard> models, List<Table3Row> table3, List<Table4Row> table4, List<String> fgsmSuccess) {}

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
    for (LiuMnistConfig.Model m : cfg.models()) {
      String model = cfg.output() + "/models/" + m.name();
      progress.accept("train " + m.name() + " " + m.hidden() + " (" + cfg.epochs() + " epochs) -> " + model);
      ModelCard card = TrainJob.run(spark, new TrainJob.Request(data, model, "liu-" + m.name(), ModelCard.Task.CLASSIFICATION, m.hidden(),
          cfg.epochs(), cfg.batchSize(), cfg.learningRate(), cfg.seed(), DevicePolicy.parse(cfg.device())), line -> progress.accept("  " + line));
      cards.add(card);

      String runPrefix = "liu-" + m.name().toLowerCase(Locale.ROOT);
      progress.accept(m.name() + ": FGSM on the test split, epsilon " + cfg.fgsmEpsilon());
      JobRegistry.run(spark, ConfigLoader.of(AdversarialConfig.class, "input", data, "model", model, "output", cfg.output(), "epsilon", cfg.fgsmEpsilon(), "attacks", List.of("fgsm"), "domain", List.of(0.0, 1.0), "device", cfg.device(), "run_id", runPrefix + "-fgsm", "quarantine", false, "splits", List.of("test")));
      String adversarial = cfg.output() + "/" + AdversarialJob.TABLE + "/run_id=" + runPrefix + "-fgsm";
      Row success = spark.read().parquet(adversarial)
          .selectExpr("avg(CAST(clean_prediction = label AS DOUBLE))", "avg(CAST(adversarial_prediction <> label AS DOUBLE))").first();
      fgsm.add(String.format(Locale.ROOT, "%s: clean test accuracy %.4f, FGSM success rate %.4f", m.name(), success.getDouble(0), success.getDouble(1)));

      progress.accept(m.name() + ": Table 3, leave-one-out 1-NN within train and within test");
      JobRegistry.run(spark, ConfigLoader.of(HammingNeighboursConfig.class, "input", data, "model", model, "output", cfg.output(), "device", cfg.device(), "run_id", runPrefix + "-nn", "quarantine", false));
      for (Row r : spark.read().parquet(cfg.output() + "/" + HammingNeighboursJob.SUMMARY + "/run_id=" + runPrefix + "-nn")
          .orderBy("metric", "split").collectAsList()) {
        table3.add(new Table3Row(m.name(), r.getAs("split"), r.getAs("metric"), r.getAs("agreement"), r.getAs("samples")));
      }

      progress.accept(m.name() + ": Table 4, Hamming distance at radii " + cfg.radii() + " for train, test and FGSM");
      for (String[] source : new String[][] {{data, "data"}, {adversarial, "fgsm"}}) {
        String runId = runPrefix + "-grid-" + source[1];
        JobRegistry.run(spark, ConfigLoader.of(PerturbationGridConfig.class, "input", source[0], "model", model, "output", cfg.output(), "radii", cfg.radii(), "directions", cfg.directions(), "seed", cfg.seed(), "device", cfg.device(), "run_id", runId, "quarantine", false));
        for (Row r : spark.read().parquet(cfg.output() + "/" + PerturbationGridJob.SUMMARY + "/run_id=" + runId).collectAsList()) {
          table4.add(new Table4Row(m.name(), r.getAs("split"), r.getAs("radius"), r.getAs("mean"), r.getAs("sd"), r.getAs("count")));
        }
      }
    }
    return new Result(cards, table3, table4, fgsm);
  }
}
