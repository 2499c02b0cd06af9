package io.tessera.jobs;

import io.tessera.config.LmdConfig;
import io.tessera.math.Seeds;
import io.tessera.math.diffusion.CheckerboardMasks;
import io.tessera.math.diffusion.ImageDistances;
import io.tessera.math.diffusion.Inpainting;
import io.tessera.math.diffusion.NoiseSchedule;
import io.tessera.math.diffusion.ReverseVariance;
import io.tessera.model.DiffusionModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Executor side of the lmd job: a batch of images becomes images x attempts inpainting chains
 * that step through the grid together (one eps pass per pair); attempt a of an image uses mask
 * parity a and draws from (seed, image id, a) alone.
 */
final class LmdPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final ModelRef model;
  private final Settings cfg;

  /** The config's per-image settings, shipped to executors. */
  private record Settings(int attempts, int grid, int stepSize, String variance, List<String> distances, double lo, double hi,
      long seed, int batchSize) implements java.io.Serializable {}

  LmdPartition(ModelRef model, LmdConfig cfg) {
    this.model = model;
    this.cfg = new Settings(cfg.attempts(), cfg.grid(), cfg.stepSize(), cfg.variance(), List.copyOf(cfg.distances()),
        cfg.clamp().get(0), cfg.clamp().get(1), cfg.seed(), cfg.batchSize());
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    DiffusionModel ddpm = model.diffusion();
    return new BatchedIterator<>(rows, cfg.batchSize(), batch -> process(ddpm, batch));
  }

  private List<Row> process(DiffusionModel ddpm, List<Row> batch) {
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
      known[c] = CheckerboardMasks.alternating(side, cfg.grid(), c % attempts);
      noise[c] = Seeds.forSample(cfg.seed(), batch.get(image).getLong(0), "lmd/attempt=" + c % attempts);
    }
    NoiseSchedule schedule = ddpm.schedule();
    double[] inpainted = Inpainting.inpaint(originals, known, chains, dim, schedule.uniformGrid(cfg.stepSize()), schedule, ddpm,
        ReverseVariance.parse(cfg.variance(), schedule), noise, cfg.lo(), cfg.hi());
    List<Row> out = new ArrayList<>(batch.size() * cfg.distances().size());
    for (int i = 0; i < batch.size(); i++) {
      Row in = batch.get(i);
      for (String distance : cfg.distances()) {
        double[] values = new double[attempts];
        for (int a = 0; a < attempts; a++) {
          int offset = (i * attempts + a) * dim;
          values[a] = distance.equals("mse") ? ImageDistances.mse(originals, inpainted, offset, dim)
              : ImageDistances.ssimDistance(originals, inpainted, offset, side);
        }
        out.add(RowFactory.create(ddpm.id(), in.getLong(0), in.getString(1), in.isNullAt(2) ? null : in.getInt(2), distance, attempts,
            median(values), values));
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
