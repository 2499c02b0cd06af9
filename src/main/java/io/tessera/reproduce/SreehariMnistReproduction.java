package io.tessera.reproduce;

import io.tessera.config.ConfigLoader;
import io.tessera.data.DatasetIO;
import io.tessera.data.LabeledPoints;
import io.tessera.data.MnistImport;
import io.tessera.jobs.JobRegistry;
import io.tessera.jobs.latent.LatentGeometryConfig;
import io.tessera.jobs.latent.LatentGeometryJob;
import io.tessera.math.Seeds;
import io.tessera.math.latent.SmoothActivation;
import io.tessera.model.DevicePolicy;
import io.tessera.model.autoencoder.AutoencoderCard;
import io.tessera.model.autoencoder.AutoencoderSpec;
import io.tessera.model.autoencoder.AutoencoderTrainer;
import io.tessera.model.classifier.FeatureEncoder;
import io.tessera.model.classifier.ModelCard;
import io.tessera.model.classifier.TesseraModelFormat;
import io.tessera.run.ModelOutput;
import io.tessera.training.TrainJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.ml.feature.PCA;
import org.apache.spark.ml.feature.PCAModel;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Sreehari et al.'s MNIST experiment, reduced (docs/methods/latent-curvature.md, The MNIST
 * experiment, reduced): the pooled IDX images split (seeded per image) into D_A and a reference
 * set; D_B is D_A without most of two digits. For each network (N_A an MLP, N_B a small CNN) and
 * training set, the classifier's penultimate features, PCA (MLlib) to latentDim and a
 * softplus/sigmoid decoder trained on the frozen codes make a latent space; latent-geometry then
 * scores it by Monte Carlo: NIS from Lambda, DIS from the density deficit of the reference codes
 * against the training codes.
 */
public final class SreehariMnistReproduction {
  private static final StructType FEATURES = new StructType().add("id", DataTypes.LongType).add("split", DataTypes.StringType)
      .add("label", DataTypes.IntegerType).add("f", new VectorUDT());

  private SreehariMnistReproduction() {}

  /**
   * One case of the 2 x 2 design under one seed, and its scores.
   *
   * @param massPoints the rho_ins mass-like points, densest first: majority label (expected: the
   *     removed digits, docs/methods/latent-curvature.md, The MNIST experiment, reduced) and mass
   */
  /** One (network, data, seed) cell; the *Se fields are the run's bootstrap standard errors (latent_summary). */
  public record Case(long seed, String network, String data, int trainImages, String runId, double nis, Double dis, Double lambdaHat, String regime,
      Double kbarMedian, Double ell2, Double ess, double decoderMse, List<MassPoint> massPoints, Double nisSe, Double disSe, Double lambdaHatSe) {}

  /** A mass-like point as the tables show it: the majority label nearby (null if none) and the mass within one bandwidth. */
  public record MassPoint(Integer label, double mass) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s (%.1e)", label == null ? "-" : label, mass);
    }
  }

  /** One case's scores over the seeds: mean and sample standard deviation (NaN for one seed). */
  public record Repeat(String network, String data, int seeds, double nisMean, double nisSd, double disMean, double disSd,
      double lambdaMean, double lambdaSd) {}

  /** Every seed's 2 x 2 design, seed by seed. */
  public static List<Case> run(SparkSession spark, SreehariMnistConfig cfg, Consumer<String> progress) {
    MnistImport.Imported mnist = cfg.mnist().read(spark);
    LabeledPoints pool = LabeledPoints.concat(mnist.train(), mnist.test());
    List<Case> cases = new ArrayList<>();
    for (long seed : cfg.seeds()) {
      cases.addAll(runSeed(spark, cfg, pool, seed, progress));
    }
    return cases;
  }

  /** Per case of the design, in its order, the scores' mean and spread over the seeds. */
  public static List<Repeat> repeats(List<Case> cases) {
    java.util.Map<String, List<Case>> byCase = new java.util.LinkedHashMap<>();
    cases.forEach(c -> byCase.computeIfAbsent(c.network() + "/" + c.data(), k -> new ArrayList<>()).add(c));
    return byCase.values().stream().map(list -> {
      double[] nis = list.stream().mapToDouble(Case::nis).toArray();
      double[] dis = list.stream().mapToDouble(c -> c.dis() == null ? Double.NaN : c.dis()).toArray();
      double[] lambda = list.stream().mapToDouble(c -> c.lambdaHat() == null ? Double.NaN : c.lambdaHat()).toArray();
      return new Repeat(list.get(0).network(), list.get(0).data(), list.size(), mean(nis), sd(nis), mean(dis), sd(dis), mean(lambda),
          sd(lambda));
    }).toList();
  }

  private static double mean(double[] v) {
    return java.util.Arrays.stream(v).average().orElse(Double.NaN);
  }

  private static double sd(double[] v) {
    double m = mean(v);
    return v.length < 2 ? Double.NaN : Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
  }

  private static List<Case> runSeed(SparkSession spark, SreehariMnistConfig cfg, LabeledPoints pool, long seed, Consumer<String> progress) {
    List<Integer> dA = new ArrayList<>();
    List<Integer> reference = new ArrayList<>();
    for (int i = 0; i < pool.size(); i++) {
      (Seeds.forSample(seed, i, "sreehari-keep").nextDouble() < cfg.keepFraction() ? dA : reference).add(i);
    }
    List<Integer> dB = dA.stream().filter(i -> !(cfg.removedDigits().contains(pool.labels()[i])
        && Seeds.forSample(seed, i, "sreehari-remove").nextDouble() < cfg.removedFraction())).toList();
    progress.accept(String.format(Locale.ROOT, "seed %d: pool %d images: D_A %d, reference %d, D_B %d (%.0f%% of digits %s removed)", seed,
        pool.size(), dA.size(), reference.size(), dB.size(), 100 * cfg.removedFraction(), cfg.removedDigits()));
    DevicePolicy device = DevicePolicy.parse(cfg.device());
    List<Case> cases = new ArrayList<>();
    for (String network : List.of("N_A", "N_B")) {
      for (String data : List.of("D_A", "D_B")) {
        List<Integer> train = data.equals("D_A") ? dA : dB;
        cases.add(runCase(spark, cfg, seed, device, pool, network, data, train, reference, progress));
      }
    }
    return cases;
  }

  private static Case runCase(SparkSession spark, SreehariMnistConfig cfg, long seed, DevicePolicy device, LabeledPoints pool, String network,
      String data, List<Integer> train, List<Integer> reference, Consumer<String> progress) {
    String name = "sreehari-" + network.toLowerCase(Locale.ROOT).replace("_", "") + "-" + data.toLowerCase(Locale.ROOT).replace("_", "")
        + "-s" + seed;
    String trainData = cfg.output() + "/datasets/" + name + "-images";
    DatasetIO.write(spark, subset(pool, train), java.util.Collections.nCopies(train.size(), "train"), trainData, true);
    boolean cnn = network.equals("N_B");
    String classifier = cfg.output() + "/models/" + name + "-classifier";
    if (!SavedModels.reusable(cfg.reuseModels(), classifier, progress)) {
      progress.accept(name + ": train " + (cnn ? "CNN " + cfg.cnnConvFilters() + " + " + cfg.cnnHidden() : "MLP " + cfg.mlpHidden())
          + " on " + train.size() + " images");
      TrainJob.run(spark, new TrainJob.Request(trainData, classifier, name + "-classifier", ModelCard.Task.CLASSIFICATION,
          cnn ? cfg.cnnHidden() : cfg.mlpHidden(), cfg.classifierEpochs(), 128, 1e-3, seed, device, cnn ? cfg.cnnConvFilters() : List.of()),
          line -> progress.accept("  " + line));
    }

    // Penultimate features of the training and reference images, then PCA fitted on the training ones.
    List<Row> rows = new ArrayList<>();
    try (FeatureEncoder encoder = TesseraModelFormat.features(Path.of(classifier), device.resolve())) {
      addFeatures(rows, encoder, pool, train, "train");
      addFeatures(rows, encoder, pool, reference, "ref");
    }
    Dataset<Row> features = spark.createDataFrame(rows, FEATURES);
    PCAModel pca = new PCA().setK(cfg.latentDim()).setInputCol("f").setOutputCol("z").fit(features.where("split = 'train'"));
    List<Row> projected = pca.transform(features).select("id", "split", "label", "z").orderBy("id", "split").collectAsList();
    float[][] codes = new float[projected.size()][];
    int[] labels = new int[projected.size()];
    List<String> splits = new ArrayList<>();
    List<Integer> trainRows = new ArrayList<>();
    for (int k = 0; k < codes.length; k++) {
      Row r = projected.get(k);
      double[] z = ((org.apache.spark.ml.linalg.Vector) r.get(3)).toArray();
      codes[k] = new float[z.length];
      for (int d = 0; d < z.length; d++) {
        codes[k][d] = (float) z[d];
      }
      labels[k] = r.getInt(2);
      splits.add(r.getString(1));
      if (r.getString(1).equals("train")) {
        trainRows.add(k);
      }
    }
    String codeData = cfg.output() + "/datasets/" + name + "-codes";
    DatasetIO.write(spark, new LabeledPoints(codes, labels, null), splits, codeData, true);

    // The post-hoc decoder: codes of the training images to the images themselves, encoder frozen.
    String decoder = cfg.output() + "/models/" + name + "-decoder";
    double decoderMse;
    if (SavedModels.reusable(cfg.reuseModels(), decoder, progress)) {
      decoderMse = AutoencoderCard.read(Path.of(decoder)).training().metrics().get("train_mse");
    } else {
      int dim = pool.dim();
      float[] z = new float[trainRows.size() * cfg.latentDim()];
      float[] x = new float[trainRows.size() * dim];
      for (int k = 0; k < trainRows.size(); k++) {
        System.arraycopy(codes[trainRows.get(k)], 0, z, k * cfg.latentDim(), cfg.latentDim());
        System.arraycopy(pool.features()[(int) projected.get(trainRows.get(k)).getLong(0)], 0, x, k * dim, dim);
      }
      progress.accept(name + ": train decoder " + cfg.latentDim() + "-" + cfg.decoderHidden() + "-" + dim + " (softplus, sigmoid)");
      AutoencoderSpec spec = new AutoencoderSpec(name + "-decoder", cfg.latentDim(), cfg.decoderHidden(), SmoothActivation.SOFTPLUS,
          SmoothActivation.SIGMOID, cfg.decoderEpochs(), 128, 1e-3, seed, device, trainData);
      decoderMse = ModelOutput.write(spark.sparkContext().hadoopConfiguration(), decoder,
          dir -> AutoencoderTrainer.trainDecoder(z, x, trainRows.size(), dim, spec, dir, line -> progress.accept("  " + line)))
          .training().metrics().get("train_mse");
    }

    progress.accept(name + ": latent-geometry, " + cfg.mcSamples() + " Monte Carlo points");
    JobRegistry.run(spark, ConfigLoader.of(LatentGeometryConfig.class, "model", decoder, "output", cfg.output(), "input", codeData, "train_split", "train", "reference_split", "ref", "resolution", 0, "mc_samples", cfg.mcSamples(), "mc_uniform", cfg.mcUniform(), "route", "exact", "kde_codes", cfg.kdeCodes(), "seed", seed, "batch_size", 256, "partitions", 0, "device", cfg.device(), "run_id", name, "quarantine", false, "mass_min_local", cfg.massMinLocal()));
    Row s = spark.read().parquet(cfg.output() + "/" + LatentGeometryJob.SUMMARY + "/run_id=" + name).first();
    return new Case(seed, network, data, train.size(), name, s.<Double>getAs("nis"), s.getAs("dis"), s.getAs("lambda_hat"), s.getAs("regime"),
        s.getAs("kbar_median"), s.getAs("ell2"), s.getAs("ess"), decoderMse,
        s.<Row>getList(s.fieldIndex("mass_points")).stream()
            .map(m -> new MassPoint(m.isNullAt(4) ? null : m.getInt(4), m.getDouble(3))).toList(),
        s.getAs("nis_se"), s.getAs("dis_se"), s.getAs("lambda_hat_se"));
  }

  private static void addFeatures(List<Row> rows, FeatureEncoder encoder, LabeledPoints pool, List<Integer> ids, String split) {
    int dim = pool.dim();
    int batch = 512;
    for (int start = 0; start < ids.size(); start += batch) {
      int n = Math.min(batch, ids.size() - start);
      float[] x = new float[n * dim];
      for (int k = 0; k < n; k++) {
        System.arraycopy(pool.features()[ids.get(start + k)], 0, x, k * dim, dim);
      }
      float[] f = encoder.features(x, n);
      int fd = encoder.featureDim();
      for (int k = 0; k < n; k++) {
        double[] v = new double[fd];
        for (int d = 0; d < fd; d++) {
          v[d] = f[k * fd + d];
        }
        int id = ids.get(start + k);
        rows.add(RowFactory.create((long) id, split, pool.labels()[id], Vectors.dense(v)));
      }
    }
  }

  private static LabeledPoints subset(LabeledPoints pool, List<Integer> ids) {
    return new LabeledPoints(ids.stream().map(i -> pool.features()[i]).toArray(float[][]::new),
        ids.stream().mapToInt(i -> pool.labels()[i]).toArray(), null);
  }
}
