package io.tessera.reproduce.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.ConfigException;
import io.tessera.TestSpark;
import io.tessera.config.ConfigLoader;
import io.tessera.data.SyntheticDatasets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protocol's wiring at toy scale: one manifold through every job, the ground truth's own
 * topology recovered at every repeat. The metrics themselves are held to closed forms in
 * SampleMetricsTest and RipsPersistenceTest; a DDPM this small learns little of the sphere.
 */
class JinTopologyReproductionTest {
  @TempDir Path tmp;

  @Test
  void runsOneManifoldThroughEveryJob() {
    JinTopologyConfig cfg = ConfigLoader.of(JinTopologyConfig.class, "output", tmp.toString(), "manifolds", List.of("sphere"),
        "train_points", 400, "steps", 50, "hidden", List.of(16, 16), "time_embedding", 8, "iterations", List.of(100, 20), "batch_size", 128,
        "sample_size", 60, "repeats", 2, "persistence_points", 300, "landmarks", 60, "seed", 3L, "device", "cpu");
    List<JinTopologyReproduction.ManifoldResult> results = JinTopologyReproduction.run(TestSpark.get(), cfg, line -> {});
    assertEquals(1, results.size());
    JinTopologyReproduction.ManifoldResult sphere = results.get(0);
    assertArrayEquals(new int[] {1, 0, 1}, sphere.betti());
    assertEquals(1.0, sphere.truthRecovery(), "fresh sphere draws show (1, 0, 1) at eps = 1.1");
    assertEquals(List.of("ddpm-100", "ddpm-20"), sphere.models().stream().map(JinTopologyReproduction.ModelResult::name).toList());
    for (JinTopologyReproduction.ModelResult model : sphere.models()) {
      assertEquals(JinTopologyReproduction.METRICS, model.metrics().stream().map(JinTopologyReproduction.Metric::name).toList());
      for (JinTopologyReproduction.Metric m : model.metrics()) {
        assertEquals(2, m.truth().n());
        assertEquals(2, m.model().n());
        assertTrue(m.p() == null || (m.p() >= 0 && m.p() <= 1), m.toString());
      }
      assertEquals(300, model.residual().n(), "the pool, max(repeats x sample_size, persistence_points) samples, scored whole");
    }
    assertEquals(List.of("diffusion-sample", "diffusion-sample", "persistence", "sample-metrics"), TestSpark.get().read()
        .parquet(tmp + "/runs").where("status = 'SUCCEEDED'").select("job").orderBy("job").collectAsList().stream().map(r -> r.getString(0))
        .toList());
  }

  @Test
  void refusesRepeatedOrEmptyTrainingBudgets() {
    ConfigException twice = assertThrows(ConfigException.class, () -> ConfigLoader.of(JinTopologyConfig.class, "output", tmp.toString(),
        "iterations", List.of(100, 100)));
    assertTrue(twice.getMessage().contains("distinct positive training budgets"), twice.getMessage());
  }

  @Test
  void residualsVanishOnTheManifoldsAndKnowTheirBettiNumbers() {
    for (ManifoldTruth m : ManifoldTruth.values()) {
      for (float[] p : SyntheticDatasets.generate(SyntheticDatasets.Kind.parse(m.kind), 200, 1, 0).features()) {
        assertEquals(0, m.residual(io.tessera.math.Precision.widen(p)), 1e-6, m.kind + " (float32 points)");
      }
    }
    assertEquals(0.5, ManifoldTruth.SPHERE.residual(new double[] {0, 0, 1.5}), 1e-12);
    assertEquals(2, ManifoldTruth.CLIFFORD_TORUS.residual(new double[] {0, 0, 0, 0}), 1e-12);
    ConfigException unknown = assertThrows(ConfigException.class, () -> ManifoldTruth.of("swiss-roll"));
    assertTrue(unknown.getMessage().contains("no known topology"), unknown.getMessage());
  }
}
