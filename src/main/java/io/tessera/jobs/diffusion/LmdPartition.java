package io.tessera.jobs.diffusion;

import io.tessera.math.Precision;
import io.tessera.math.diffusion.ImageDistances;
import io.tessera.model.autoencoder.Autoencoder;
import io.tessera.model.classifier.FeatureEncoder;
import io.tessera.model.diffusion.DiffusionModel;
import io.tessera.run.BatchedIterator;
import io.tessera.run.ModelRef;
import io.tessera.run.ValidatedInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Executor side of the lmd job: a batch of images becomes images x attempts lift chains
 * ({@link LmdLift}) that step through the grid together, one eps pass per pair.
 */
final class LmdPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final ModelRef model;
  private final ModelRef features;
  private final ModelRef codes;
  private final LmdLift lift;
  private final Settings cfg;

  /** The config's per-image settings, shipped to executors. */
  private record Settings(int attempts, List<String> distances, int batchSize, boolean keepAttempts) implements java.io.Serializable {}

  LmdPartition(ModelRef model, ModelRef features, ModelRef codes, LmdConfig cfg, LmdLift lift) {
    this.model = model;
    this.features = features;
    this.codes = codes;
    this.lift = lift;
    this.cfg = new Settings(cfg.attempts(), List.copyOf(cfg.distances()), cfg.batchSize(), cfg.keepAttempts());
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    DiffusionModel ddpm = model.diffusion();
    FeatureEncoder encoder = features == null ? null : features.features();
    Autoencoder autoencoder = codes == null ? null : codes.latent(null).autoencoder();
    return new BatchedIterator<>(rows, cfg.batchSize(), batch -> process(ddpm, encoder, autoencoder, batch));
  }

  private List<Row> process(DiffusionModel ddpm, FeatureEncoder encoder, Autoencoder autoencoder, List<Row> batch) {
    int dim = ddpm.dataDim();
    int side = LmdJob.side(dim);
    int attempts = cfg.attempts();
    float[] x = ValidatedInput.features(batch, dim);
    int chains = batch.size() * attempts;
    double[] originals = new double[chains * dim];
    boolean[][] known = new boolean[chains][];
    SplittableRandom[] noise = new SplittableRandom[chains];
    for (int c = 0; c < chains; c++) {
      int image = c / attempts;
      for (int k = 0; k < dim; k++) {
        originals[c * dim + k] = x[image * dim + k];
      }
      known[c] = lift.known(side, c % attempts);
      noise[c] = lift.noise(batch.get(image).getLong(0), c % attempts);
    }
    double[] lifted = lift.apply(ddpm, originals, known, chains, noise);
    double[] originalFeatures = null;
    double[] liftedFeatures = null;
    if (encoder != null) {
      originalFeatures = Precision.widen(encoder.features(x, batch.size()));
      liftedFeatures = Precision.widen(encoder.features(Precision.narrow(lifted), chains));
    }
    double[][] originalCodes = null;
    double[][] liftedCodes = null;
    if (autoencoder != null) {
      originalCodes = autoencoder.encode(x, batch.size());
      liftedCodes = autoencoder.encode(Precision.narrow(lifted), chains);
    }
    List<Row> out = new ArrayList<>(batch.size() * cfg.distances().size());
    for (int i = 0; i < batch.size(); i++) {
      Row in = batch.get(i);
      for (String distance : cfg.distances()) {
        double[] values = new double[attempts];
        for (int a = 0; a < attempts; a++) {
          int chain = i * attempts + a;
          values[a] = switch (distance) {
            case "mse" -> ImageDistances.mse(originals, lifted, chain * dim, dim);
            case "ssim" -> ImageDistances.ssimDistance(originals, lifted, chain * dim, side);
            case "code" -> io.tessera.math.Points.squaredDistance(originalCodes[i], liftedCodes[chain]);
            default -> ImageDistances.unitFeatureDistance(originalFeatures, i, liftedFeatures, chain, encoder.featureDim());
          };
        }
        out.add(RowFactory.create(ddpm.id(), in.getLong(0), in.getString(1), in.isNullAt(2) ? null : in.getInt(2), lift.lift(), distance,
            attempts, median(values), cfg.keepAttempts() ? values : null));
      }
    }
    return out;
  }

  /** The middle value, or the mean of the two middle ones for an even count. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
