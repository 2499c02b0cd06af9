package io.tessera.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TestSpark;
import io.tessera.config.ConfigLoader;
import io.tessera.data.TuShapes;
import io.tessera.jobs.diffusion.DiffusionLoglikJobTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Fig. 5 protocol's wiring at toy scale: every shape scored at every step size. The numbers
 * themselves are held to closed forms in ChainLikelihoodTest, DiffusionTrainerTest and
 * DiffusionLoglikJobTest; a model this small does not separate the shapes.
 */
class TuFig5ReproductionTest {
  @TempDir Path tmp;

  @Test
  void scoresEveryShapeAtEveryStepSize() {
    TuFig5Config cfg = ConfigLoader.of(TuFig5Config.class, "output", tmp.toString(), "train_points", 400, "points_per_shape", 30, "steps", 100, "hidden", List.of(16, 16), "time_embedding", 8, "iterations", 100, "batch_size", 128, "learning_rate", 1e-3, "step_sizes", List.of(1, 20), "rounds", 3, "variance", "A", "seed", 2L, "device", "cpu");
    TuFig5Reproduction.Result result = TuFig5Reproduction.run(TestSpark.get(), cfg, line -> {});
    assertEquals(TuShapes.SHAPES.size() * 2, result.rows().size());
    for (TuFig5Reproduction.Row5 row : result.rows()) {
      assertEquals(30, row.points(), row.toString());
      assertTrue(Double.isFinite(row.mean()) && row.meanRoundSd() > 0, row.toString());
      assertEquals(row.mean() / Math.log(10), row.meanLog10(), 1e-12);
    }
    assertEquals(TuShapes.SHAPES, result.rows().stream().map(TuFig5Reproduction.Row5::shape).distinct().toList());
    assertEquals(4, TestSpark.get().read().parquet(tmp + "/runs").where("job = 'diffusion-loglik' AND status = 'SUCCEEDED'").count());
  }
}
