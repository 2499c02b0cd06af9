package io.tessera.reproduce;

import io.tessera.config.ConfigLoader;
import io.tessera.data.MnistImport;
import io.tessera.jobs.JobRegistry;
import io.tessera.jobs.localmaps.ClusterMapsConfig;
import io.tessera.jobs.localmaps.ClusterMapsJob;
import io.tessera.jobs.localmaps.JacobiansConfig;
import io.tessera.jobs.localmaps.JacobiansJob;
import io.tessera.jobs.localmaps.MapTransferConfig;
import io.tessera.jobs.localmaps.MapTransferJob;
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
 * Sattelberg et al.'s MNIST protocols end to end: import the IDX files, train each network with
 * DJL on the whole training split, compute every network's local maps on a subset (jacobians),
 * then Table 1 (cluster-maps per network) and Table 2 (map-transfer over every ordered pair).
 * Every stage is an ordinary job run, recorded in the runs table.
 */
public final class SattelbergMnistReproduction {
  private SattelbergMnistReproduction() {}

  /** Test accuracy of a network's nearest-centre surrogate with k centres per output, and of the network. */
  public record Table1Row(String model, int k, double accuracy, double original, long samples) {}

  /** Test accuracy of network {@code from}'s local maps mapped onto network {@code to}'s. */
  /**
   * One ordered pair of Table 2; {@code minRank} and {@code maxRank} are the least and greatest rank
   * of C_from over the outputs' fits (785 is full rank for 784 pixels and a bias).
   */
  public record Table2Row(String from, String to, double accuracy, double fromAccuracy, long samples, long trainSamples, int minRank, int maxRank) {}

  public record Result(List<ModelCard> models, List<Table1Row> table1, List<Table2Row> table2) {}

  public static Result run(SparkSession spark, SattelbergMnistConfig cfg, Consumer<String> progress) {
    String data = cfg.output() + "/datasets/mnist";
    String subset = cfg.output() + "/datasets/mnist-maps";
    progress.accept("import MNIST IDX files -> " + data + ", and the first " + cfg.mapsTrain() + " train / " + cfg.mapsTest()
        + " test images -> " + subset);
    MnistImport.Imported all = cfg.mnist().read(spark);
    MnistImport.Imported maps = all.head(cfg.mapsTrain(), cfg.mapsTest());
    MnistImport.write(spark, all, data);
    MnistImport.write(spark, maps, subset);
    progress.accept(String.format(Locale.ROOT, "  %d train and %d test images; local maps on %d and %d of them",
        all.train().size(), all.test().size(), maps.train().size(), maps.test().size()));

    List<ModelCard> cards = new ArrayList<>();
    List<String> mapRuns = new ArrayList<>();
    List<Table1Row> table1 = new ArrayList<>();
    for (SattelbergMnistConfig.Model m : cfg.models()) {
      String model = cfg.output() + "/models/" + m.name();
      String kind = m.convFilters().isEmpty() ? "dense " + m.hidden() : "conv " + m.convFilters() + " + dense " + m.hidden();
      progress.accept("train " + m.name() + " (" + kind + ", seed " + m.seed() + ", " + cfg.epochs() + " epochs) -> " + model);
      cards.add(TrainJob.run(spark, new TrainJob.Request(data, model, "sattelberg-" + m.name(), ModelCard.Task.CLASSIFICATION, m.hidden(),
          cfg.epochs(), cfg.batchSize(), cfg.learningRate(), m.seed(), DevicePolicy.parse(cfg.device()), m.convFilters()),
          line -> progress.accept("  " + line)));

      String runPrefix = "sattelberg-" + m.name().toLowerCase(Locale.ROOT);
      progress.accept(m.name() + ": local maps of " + (maps.train().size() + maps.test().size()) + " images");
      JobRegistry.run(spark, ConfigLoader.of(JacobiansConfig.class, "input", subset, "model", model, "output", cfg.output(), "method", "auto", "device", cfg.device(), "run_id", runPrefix + "-maps", "quarantine", false));
      String mapRun = cfg.output() + "/" + JacobiansJob.TABLE + "/run_id=" + runPrefix + "-maps";
      mapRuns.add(mapRun);

      progress.accept(m.name() + ": Table 1, k-means over the training maps with k in " + cfg.ks());
      JobRegistry.run(spark, ConfigLoader.of(ClusterMapsConfig.class, "maps", mapRun, "input", subset, "output", cfg.output(), "ks", cfg.ks(), "train_split", "train", "test_split", "test", "seed", cfg.seed(), "run_id", runPrefix + "-clusters"));
      for (Row r : spark.read().parquet(cfg.output() + "/" + ClusterMapsJob.TABLE + "/run_id=" + runPrefix + "-clusters")
          .orderBy("k").collectAsList()) {
        table1.add(new Table1Row(m.name(), r.getAs("k"), r.getAs("accuracy"), r.getAs("original_accuracy"), r.getAs("test_samples")));
      }
    }

    progress.accept("Table 2: affine maps between every ordered pair of networks' local maps");
    JobRegistry.run(spark, ConfigLoader.of(MapTransferConfig.class, "maps", mapRuns, "input", subset, "output", cfg.output(), "train_split", "train", "test_split", "test", "run_id", "sattelberg-transfer"));
    List<Table2Row> table2 = new ArrayList<>();
    for (Row r : spark.read().parquet(cfg.output() + "/" + MapTransferJob.TABLE + "/run_id=sattelberg-transfer")
        .orderBy("from_model", "to_model").collectAsList()) {
      List<Integer> ranks = r.getList(r.fieldIndex("rank"));
      table2.add(new Table2Row(name(r.getAs("from_model")), name(r.getAs("to_model")), r.getAs("accuracy"), r.getAs("from_accuracy"),
          r.getAs("test_samples"), r.getAs("train_samples"), java.util.Collections.min(ranks), java.util.Collections.max(ranks)));
    }
    return new Result(cards, table1, table2);
  }

  private static String name(String modelId) {
    return modelId.substring("sattelberg-".length());
  }
}
