package io.tessera.jobs.diffusion;

import io.tessera.math.Seeds;
import io.tessera.math.diffusion.ChainLikelihood;
import io.tessera.math.diffusion.NoiseSchedule;
import io.tessera.math.diffusion.ReverseVariance;
import io.tessera.model.diffusion.DiffusionModel;
import io.tessera.run.BatchedPartition;
import io.tessera.run.ModelRef;
import io.tessera.run.ValidatedInput;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Executor side of the diffusion-loglik job: a batch of samples becomes samples x rounds chains
 * that step through the grid together, one eps-network pass per pair. Round r of sample i draws
 * its noise from (run seed, sample id, the grid and r) alone, so results do not depend on
 * partitioning or batch size.
 */
final class DiffusionLoglikPartition extends BatchedPartition<DiffusionModel> {
  private static final long serialVersionUID = 1L;
  private static final double LN10 = Math.log(10);

  private final Settings cfg;

  /** The config's per-sample settings, shipped to executors. */
  private record Settings(List<Integer> stepSizes, List<int[]> grids, int rounds, String variance, long seed, int batchSize,
      boolean keepRounds, String dataset) implements java.io.Serializable {}

  DiffusionLoglikPartition(ModelRef model, DiffusionLoglikConfig cfg) {
    super(model, ModelRef::diffusion, cfg.batchSize());
    this.cfg = new Settings(List.copyOf(cfg.stepSizes()), cfg.grids().stream().map(g -> g.stream().mapToInt(Integer::intValue).toArray())
        .toList(), cfg.rounds(), cfg.variance(), cfg.seed(), cfg.batchSize(), cfg.keepRounds(), cfg.dataset());
  }

  /** The text of an uneven grid in the rows and in its seeds: its indices joined by commas. */
  static String label(int[] grid) {
    return java.util.Arrays.stream(grid).mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining(","));
  }

  @Override
  protected List<Row> process(DiffusionModel ddpm, List<Row> batch) {
    int dim = ddpm.dataDim();
    int rounds = cfg.rounds();
    float[] x = ValidatedInput.features(batch, dim);
    double[] chains = new double[batch.size() * rounds * dim];
    for (int c = 0; c < batch.size() * rounds; c++) {
      for (int k = 0; k < dim; k++) {
        chains[c * dim + k] = x[(c / rounds) * dim + k];
      }
    }
    NoiseSchedule schedule = ddpm.schedule();
    ReverseVariance variance = ReverseVariance.parse(cfg.variance(), schedule);
    List<Row> out = new ArrayList<>(batch.size() * (cfg.stepSizes().size() + cfg.grids().size()));
    for (int g = 0; g < cfg.stepSizes().size() + cfg.grids().size(); g++) {
      boolean uniform = g < cfg.stepSizes().size();
      Integer h = uniform ? cfg.stepSizes().get(g) : null;
      int[] grid = uniform ? schedule.uniformGrid(h) : schedule.checkGrid(cfg.grids().get(g - cfg.stepSizes().size()));
      String label = uniform ? null : label(grid);
      String purpose = uniform ? "diffusion-loglik/h=" + h : "diffusion-loglik/grid=" + label;
      SplittableRandom[] noise = new SplittableRandom[batch.size() * rounds];
      for (int c = 0; c < noise.length; c++) {
        noise[c] = Seeds.forSample(cfg.seed(), batch.get(c / rounds).getLong(0), purpose + "/round=" + c % rounds);
      }
      double[] logq = ChainLikelihood.estimate(chains, noise.length, dim, grid, schedule, ddpm, variance,
          ChainLikelihood.Prior.standard(dim), noise);
      for (int i = 0; i < batch.size(); i++) {
        double[] values = new double[rounds];
        System.arraycopy(logq, i * rounds, values, 0, rounds);
        double mean = 0;
        for (double v : values) {
          mean += v / rounds;
        }
        double squares = 0;
        for (double v : values) {
          squares += (v - mean) * (v - mean);
        }
        Row in = batch.get(i);
        out.add(RowFactory.create(ddpm.id(), in.getLong(0), in.getString(1), in.isNullAt(2) ? null : in.getInt(2), cfg.dataset(),
            h, label, grid.length - 1, rounds, cfg.variance(), mean, Math.sqrt(squares / (rounds - 1)), mean / LN10,
            cfg.keepRounds() ? values : null));
      }
    }
    return out;
  }
}
