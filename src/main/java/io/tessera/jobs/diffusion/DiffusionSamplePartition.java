package io.tessera.jobs.diffusion;

import io.tessera.ModelException;
import io.tessera.math.Seeds;
import io.tessera.math.diffusion.Inpainting;
import io.tessera.math.diffusion.NoiseSchedule;
import io.tessera.math.diffusion.ReverseVariance;
import io.tessera.model.diffusion.DiffusionModel;
import io.tessera.run.ModelRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Executor side of diffusion-sample: each work row is a block of sample ids; the block's chains
 * walk the grid together, one eps pass per pair, each chain drawing from the stream of its own id.
 */
final class DiffusionSamplePartition implements MapPartitionsFunction<Row, Row> {
  private final ModelRef model;
  private final DiffusionSampleConfig cfg;

  DiffusionSamplePartition(ModelRef model, DiffusionSampleConfig cfg) {
    this.model = model;
    this.cfg = cfg;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> blocks) {
    DiffusionModel ddpm = model.diffusion();
    NoiseSchedule schedule = ddpm.schedule();
    ReverseVariance variance = ReverseVariance.parse(cfg.variance(), schedule);
    int[] grid = schedule.uniformGrid(cfg.stepSize());
    int dim = ddpm.dataDim();
    double lo = cfg.clamp() == null ? Double.NEGATIVE_INFINITY : cfg.clamp().get(0);
    double hi = cfg.clamp() == null ? Double.POSITIVE_INFINITY : cfg.clamp().get(1);
    List<Row> out = new ArrayList<>();
    while (blocks.hasNext()) {
      Row block = blocks.next();
      long first = block.getLong(0);
      int rows = block.getInt(1);
      SplittableRandom[] noise = new SplittableRandom[rows];
      for (int r = 0; r < rows; r++) {
        noise[r] = Seeds.forSample(cfg.seed(), first + r, "diffusion-sample");
      }
      double[] x = Inpainting.sample(rows, dim, grid, schedule, ddpm, variance, noise, lo, hi);
      for (int r = 0; r < rows; r++) {
        float[] features = new float[dim];
        for (int k = 0; k < dim; k++) {
          double v = x[r * dim + k];
          if (!Double.isFinite(v)) {
            throw new ModelException("model " + model.uri() + " produced a non-finite sample (id " + (first + r) + ", coordinate " + k
                + "): its eps predictions diverge; retrain it or sample with a smaller step_size");
          }
          features[k] = (float) v;
        }
        out.add(RowFactory.create(first + r, DiffusionSampleJob.SPLIT, null, null, features, ddpm.id(), cfg.stepSize()));
      }
    }
    return out.iterator();
  }
}
