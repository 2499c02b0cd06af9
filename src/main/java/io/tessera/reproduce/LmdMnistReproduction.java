package io.tessera.reproduce;

import io.tessera.TesseraException;
import io.tessera.config.ConfigLoader;
import io.tessera.data.DatasetIO;
import io.tessera.data.LabeledPoints;
import io.tessera.data.MnistImport;
import io.tessera.data.ShapeImages;
import io.tessera.data.Splits;
import io.tessera.jobs.JobRegistry;
import io.tessera.jobs.diffusion.LmdConfig;
import io.tessera.jobs.diffusion.LmdJob;
import io.tessera.math.latent.SmoothActivation;
import io.tessera.model.DevicePolicy;
import io.tessera.model.autoencoder.AutoencoderCard;
import io.tessera.model.autoencoder.AutoencoderSpec;
import io.tessera.model.classifier.ModelCard;
import io.tessera.model.diffusion.DiffusionCard;
import io.tessera.model.diffusion.DiffusionTrainer;
import io.tessera.model.diffusion.EpsNetwork;
import io.tessera.training.AutoencoderTrainJob;
import io.tessera.training.DiffusionTrainJob;
import io.tessera.training.TrainJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * LMD's MNIST protocol in reduced form, end to end: the in-domain digits of the IDX training file
 * train a U-Net DDPM, an MLP autoencoder (without labels; its codes give the code distance) and a
 * small CNN (with labels; its penultimate features give the deep distance); the lmd job then
 * scores test images of the in-domain digits, of the other digits, synthetic shapes, and other
 * in-domain test digits turned a quarter turn or with their intensities inverted, once per lift,
 * with the in-domain test digits as the in-distribution split.
 */
public final class LmdMnistReproduction {
  public static final String SHAPES = "shapes";
  /** Suffixes of the transformed in-domain sets' split names. */
  public static final String ROTATED = "-rot90";
  public static final String INVERTED = "-inverted";

  private LmdMnistReproduction() {}

  /** One ROC-AUC, a lift and distance, the out-of-domain split against the in-domain one, with DeLong's 95% interval [low, high]. */
  public record AucRow(String lift, String distance, String outOfDomain, long inSamples, long outSamples, double auc, double low, double high) {}

  public record Result(DiffusionCard ddpm, ModelCard classifier, AutoencoderCard autoencoder, String inSplit, String outSplit, List<AucRow> rows) {}

  public static Result run(SparkSession spark, LmdMnistConfig cfg, Consumer<String> progress) {
    MnistImport.Imported mnist = cfg.mnist().read(spark);
    IntPredicate in = cfg.inDigits()::contains;
    LabeledPoints train = select(mnist.train(), in, cfg.trainImages() == 0 ? Integer.MAX_VALUE : cfg.trainImages());
    LabeledPoints inTest = select(mnist.test(), in, Integer.MAX_VALUE);
    String inData = cfg.output() + "/datasets/mnist-in-domain";
    MnistImport.write(spark, new MnistImport.Imported(train, inTest), inData);
    String digits = cfg.inDigits().stream().map(String::valueOf).collect(Collectors.joining());
    String others = IntStream.rangeClosed(0, 9).filter(in.negate()).mapToObj(String::valueOf).collect(Collectors.joining());
    // Checked before any training: the sets are drawn only after the models, which take most of the run.
    int e = cfg.evalImages();
    if (inTest.size() < 3 * e) {
      throw new TesseraException("eval_images " + e + " needs " + 3 * e + " in-domain test images (as they are, turned, inverted), but "
          + cfg.mnist().testImages() + " has " + inTest.size() + " of digits " + digits);
    }
    progress.accept(String.format(Locale.ROOT, "in-domain digits %s: %d training and %d test images in %s", digits, train.size(),
        inTest.size(), inData));

    DevicePolicy device = DevicePolicy.parse(cfg.device());
    String ddpmDir = cfg.output() + "/models/mnist-" + digits + "-unet";
    DiffusionCard ddpm = SavedModels.reusable(cfg.reuseModels(), ddpmDir, progress) ? DiffusionCard.read(Path.of(ddpmDir)) : trainDdpm(spark, cfg, inData, ddpmDir,
        device, progress);
    String cnnDir = cfg.output() + "/models/mnist-" + digits + "-cnn";
    ModelCard cnn = SavedModels.reusable(cfg.reuseModels(), cnnDir, progress) ? ModelCard.read(Path.of(cnnDir)) : TrainJob.run(spark, new TrainJob.Request(inData,
        cnnDir, "mnist-" + digits + "-cnn", ModelCard.Task.CLASSIFICATION, cfg.classifierHidden(), cfg.classifierEpochs(), 128, 1e-3,
        cfg.seed(), device, cfg.classifierConvFilters()), line -> progress.accept("  " + line));

    String aeDir = cfg.output() + "/models/mnist-" + digits + "-autoencoder";
    AutoencoderCard autoencoder = SavedModels.reusable(cfg.reuseModels(), aeDir, progress) ? AutoencoderCard.read(Path.of(aeDir))
        : AutoencoderTrainJob.run(spark, inData, aeDir, new AutoencoderSpec("mnist-" + digits + "-autoencoder", cfg.autoencoderLatent(),
            cfg.autoencoderHidden(), SmoothActivation.TANH, SmoothActivation.SIGMOID, cfg.autoencoderEpochs(), 128, 1e-3, cfg.seed(), device,
            inData), line -> progress.accept("  " + line));

    String inSplit = "mnist-" + digits;
    String outSplit = "mnist-" + others;
    Map<String, LabeledPoints> sets = new LinkedHashMap<>();
    sets.put(inSplit, inTest.head(e));
    sets.put(outSplit, select(mnist.test(), in.negate(), e));
    sets.put(SHAPES, ShapeImages.generate(e, (int) Math.round(Math.sqrt(train.dim())), cfg.seed() + 7));
    sets.put(inSplit + ROTATED, inTest.rows(e, 2 * e).rotated90());
    sets.put(inSplit + INVERTED, inTest.rows(2 * e, 3 * e).inverted());
    List<String> splits = new ArrayList<>();
    sets.forEach((name, set) -> splits.addAll(Splits.constant(set.size(), name)));
    LabeledPoints eval = sets.values().stream().reduce(LabeledPoints::concat).orElseThrow();
    String evalData = cfg.output() + "/datasets/lmd-eval";
    DatasetIO.write(spark, eval, splits, evalData, true);

    List<AucRow> rows = new ArrayList<>();
    for (String lift : cfg.lifts()) {
      String runId = "lmd-mnist-" + lift;
      progress.accept(String.format(Locale.ROOT, "lmd, lift %s: %d sets of %d images x %d attempts, h = %d -> run %s", lift, sets.size(), e,
          cfg.attempts(), cfg.stepSize(), runId));
      boolean deep = cfg.distances().contains("deep");
      boolean code = cfg.distances().contains("code");
      JobRegistry.run(spark, ConfigLoader.of(LmdConfig.class, "input", evalData, "model", ddpmDir, "output", cfg.output(), "attempts", cfg.attempts(), "grid", cfg.grid(), "step_size", cfg.stepSize(), "variance", cfg.variance(), "distances", cfg.distances(), "clamp", List.of(0.0, 1.0), "in_distribution_split", inSplit, "seed", cfg.seed(), "batch_size", 64, "partitions", 0, "device", cfg.device(), "run_id", runId, "quarantine", false, "lift", lift, "lift_step", LmdConfig.DIFFUSE_DENOISE.equals(lift) ? cfg.liftStep() : null, "feature_model", deep ? cnnDir : null, "code_model", code ? aeDir : null, "keep_attempts", true));
      for (Row r : spark.read().parquet(cfg.output() + "/" + LmdJob.SUMMARY + "/run_id=" + runId).collectAsList()) {
        rows.add(new AucRow(lift, r.getAs("distance"), r.getAs("out_of_domain"), r.getAs("in_samples"), r.getAs("out_samples"),
            r.getAs("auc"), r.getAs("auc_low"), r.getAs("auc_high")));
      }
    }
    return new Result(ddpm, cnn, autoencoder, inSplit, outSplit, rows);
  }

  private static DiffusionCard trainDdpm(SparkSession spark, LmdMnistConfig cfg, String data, String dir, DevicePolicy device,
      Consumer<String> progress) {
    progress.accept(String.format(Locale.ROOT, "train a U-Net DDPM (channels %s, T = %d, %d iterations of %d images) -> %s",
        cfg.channels(), cfg.steps(), cfg.iterations(), cfg.batchSize(), dir));
    return DiffusionTrainJob.run(spark, data, dir, new DiffusionTrainer.Spec(Path.of(dir).getFileName().toString(),
        EpsNetwork.unet(cfg.channels()), cfg.timeEmbedding(), cfg.steps(), cfg.iterations(), cfg.batchSize(), cfg.learningRate(),
        cfg.seed(), device, data), line -> progress.accept("  " + line));
  }

  /** The first {@code limit} points whose label passes {@code keep}, in file order. */
  private static LabeledPoints select(LabeledPoints points, IntPredicate keep, int limit) {
    int[] picked = IntStream.range(0, points.size()).filter(i -> keep.test(points.labels()[i])).limit(limit).toArray();
    return new LabeledPoints(IntStream.of(picked).mapToObj(i -> points.features()[i]).toArray(float[][]::new),
        IntStream.of(picked).map(i -> points.labels()[i]).toArray(), null);
  }
}
