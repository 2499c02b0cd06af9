package io.tessera.jobs.patterns;

import io.tessera.math.BitPatterns;
import io.tessera.math.PerturbationNoise;
import io.tessera.math.Seeds;
import io.tessera.model.classifier.ReluMlpNetwork;
import io.tessera.model.classifier.ReluMlpNetwork.PatternBatch;
import io.tessera.run.BatchedPartition;
import io.tessera.run.ModelRef;
import io.tessera.run.ValidatedInput;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Executor side of the perturbation-grid job. Each sample becomes 1 + R*K model rows (the clean
 * point, then x + r u for every radius and direction); as many samples as fit in one batch go
 * through the model in a single forward pass.
 */
final class PerturbationPartition extends BatchedPartition<ReluMlpNetwork> {
  private static final long serialVersionUID = 1L;
  static final String PURPOSE = "perturbation-grid";

  private final double[] radii;
  private final int directions;
  private final long seed;
  private final PerturbationNoise noise;
  private final double[] clip;

  /**
   * {@code batchSize} counts model rows: as many samples as fit, each with its 1 + |radii| x
   * directions rows; {@code clip} is [lo, hi] or null.
   */
  PerturbationPartition(ModelRef model, int batchSize, double[] radii, int directions, long seed, PerturbationNoise noise, double[] clip) {
    super(model, ModelRef::reluMlp, Math.max(1, batchSize / (1 + radii.length * directions)));
    this.radii = radii;
    this.directions = directions;
    this.seed = seed;
    this.noise = noise;
    this.clip = clip;
  }

  private int rowsPerSample() {
    return 1 + radii.length * directions;
  }

  @Override
  protected List<Row> process(ReluMlpNetwork network, List<Row> batch) {
    int dim = network.inputDim();
    int per = rowsPerSample();
    float[] clean = ValidatedInput.features(batch, dim);
    float[] inputs = new float[batch.size() * per * dim];
    for (int i = 0; i < batch.size(); i++) {
      int base = i * per * dim;
      System.arraycopy(clean, i * dim, inputs, base, dim);
      SplittableRandom random = Seeds.forSample(seed, batch.get(i).getLong(0), PURPOSE);
      for (int k = 0; k < directions; k++) {
        double[] u = noise.draw(random, dim);
        for (int r = 0; r < radii.length; r++) {
          int slot = base + (1 + r * directions + k) * dim;
          for (int c = 0; c < dim; c++) {
            double moved = clean[i * dim + c] + radii[r] * u[c];
            inputs[slot + c] = (float) (clip == null ? moved : Math.min(clip[1], Math.max(clip[0], moved)));
          }
        }
      }
    }
    PatternBatch patterns = network.patterns(inputs, batch.size() * per);
    List<Row> out = new ArrayList<>(batch.size() * radii.length);
    for (int i = 0; i < batch.size(); i++) {
      Row in = batch.get(i);
      long[][] cleanBits = patterns.bits()[i * per];
      for (int r = 0; r < radii.length; r++) {
        int[] hamming = new int[directions];
        long sum = 0;
        for (int k = 0; k < directions; k++) {
          hamming[k] = BitPatterns.hamming(cleanBits, patterns.bits()[i * per + 1 + r * directions + k]);
          sum += hamming[k];
        }
        out.add(RowFactory.create(network.id(), in.getLong(0), in.getString(1), in.isNullAt(2) ? null : in.getInt(2), radii[r],
            hamming, (double) sum / directions));
      }
    }
    return out;
  }
}
