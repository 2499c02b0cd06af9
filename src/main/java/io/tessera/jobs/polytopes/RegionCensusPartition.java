package io.tessera.jobs.polytopes;

import ai.djl.Device;
import io.tessera.TesseraException;
import io.tessera.data.LabeledPoints;
import io.tessera.data.SyntheticDatasets;
import io.tessera.math.BitPatterns;
import io.tessera.math.MlpWeights;
import io.tessera.math.polytope.RegionTraversal;
import io.tessera.model.DevicePolicy;
import io.tessera.model.classifier.ModelCard;
import io.tessera.model.classifier.NetworkTrainer;
import io.tessera.model.classifier.ReluMlpNetwork;
import io.tessera.model.classifier.TesseraModelFormat;
import io.tessera.model.classifier.TrainSpec;
import io.tessera.model.classifier.TrainingSet;
import io.tessera.run.LazyMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Executor side of the region census: each input row (layers, width, repeat) trains one network
 * with DJL on freshly drawn x1^2 + x2^2 - 0.4 data, counts its regions in the box and scores it on
 * held-out points. Seeds derive from (run seed, architecture, repeat), so any task reproduces.
 */
final class RegionCensusPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RegionCensusPartition.class);

  private final RegionCensusConfig cfg;

  RegionCensusPartition(RegionCensusConfig cfg) {
    this.cfg = cfg;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return LazyMap.of(rows, this::census);
  }

  private Row census(Row in) {
    int layers = in.getInt(0);
    int width = in.getInt(1);
    int repeat = in.getInt(2);
    long seed = BitPatterns.mix(BitPatterns.mix(BitPatterns.mix(cfg.seed()) ^ layers) ^ ((long) width << 20 | repeat));
    int validation = (int) Math.round(cfg.samples() * cfg.validationFraction());
    LabeledPoints points = SyntheticDatasets.generate(SyntheticDatasets.Kind.REGRESSION, cfg.samples(), seed, 2);
    TrainSpec spec = new TrainSpec("census-" + layers + "x" + width + "-" + repeat, ModelCard.Task.REGRESSION,
        Collections.nCopies(layers, width), 1, cfg.epochs(), cfg.batchSize(), cfg.learningRate(), seed, DevicePolicy.CPU, "liu-x1^2+x2^2-0.4");
    Path dir = null;
    try {
      dir = Files.createTempDirectory("tessera-census");
      long start = System.nanoTime();
      ModelCard card = NetworkTrainer.train(slice(points, validation, cfg.samples()), slice(points, 0, validation), spec, dir, line -> {});
      double trainSeconds = (System.nanoTime() - start) / 1e9;
      MlpWeights weights;
      try (ReluMlpNetwork network = TesseraModelFormat.load(dir, Device.cpu())) {
        weights = network.weights();
      }
      start = System.nanoTime();
      double centre = (cfg.box().get(0) + cfg.box().get(1)) / 2;
      long regions = RegionTraversal.regions(weights, new double[] {centre, centre}, cfg.box().get(0), cfg.box().get(1), RegionTraversal.hashed()).size();
      double countSeconds = (System.nanoTime() - start) / 1e9;
      double mse = card.training().metrics().get("test_mse");
      LOG.info(String.format(java.util.Locale.ROOT, "region census: %dx%d #%d: %d regions, validation MSE %.3g (train %.1f s, count %.1f s)",
          layers, width, repeat, regions, mse, trainSeconds, countSeconds));
      return RowFactory.create(layers, width, repeat, seed, regions, mse, trainSeconds, countSeconds);
    } catch (IOException e) {
      throw new TesseraException("region census " + spec.modelId() + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /** Rows [from, to) as a regression training set. */
  private static TrainingSet slice(LabeledPoints p, int from, int to) {
    float[] features = new float[(to - from) * 2];
    float[] targets = new float[to - from];
    for (int i = from; i < to; i++) {
      features[2 * (i - from)] = p.features()[i][0];
      features[2 * (i - from) + 1] = p.features()[i][1];
      targets[i - from] = (float) p.targets()[i];
    }
    return new TrainingSet(features, targets, to - from, 2);
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }
}
