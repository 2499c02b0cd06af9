package io.tessera.jobs.polytopes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.tessera.JobFixtures;
import io.tessera.TesseraException;
import io.tessera.TestModels;
import io.tessera.TestSpark;
import io.tessera.cli.TesseraMain;
import io.tessera.config.ConfigLoader;
import io.tessera.jobs.JobRegistry;
import io.tessera.math.MlpWeights;
import io.tessera.math.polytope.BoxedRegion;
import io.tessera.math.polytope.ReferenceTraversal;
import io.tessera.model.DevicePolicy;
import io.tessera.model.classifier.ModelCard;
import io.tessera.model.classifier.NetworkTrainer;
import io.tessera.model.classifier.TesseraModelFormat;
import io.tessera.model.classifier.TrainSpec;
import io.tessera.model.classifier.TrainingSet;
import io.tessera.run.JobRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionsJobTest {
  @TempDir static Path tmp;
  static String model;
  static MlpWeights weights;

  @BeforeAll
  static void fixtures() {
    model = JobFixtures.tinyModel(tmp);
    weights = TesseraModelFormat.load(Path.of(model), Device.cpu()).weights();
  }

  @Test
  void theTiledSearchFindsExactlyTheReferenceRegionsAtAnyTiling() throws Exception {
    String out = tmp.resolve("planar").toString();
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(RegionsConfig.class, "model", model, "output", out, "box", List.of(-1.0, 1.0), "tiles_per_axis", 3, "partitions", 3, "device", "cpu", "run_id", "r1"));
    List<BoxedRegion> reference = ReferenceTraversal.regions(weights, new double[] {0, 0}, -1, 1);
    long found = reference.size();
    assertEquals(List.of("region", found, found, 0L, found), JobFixtures.runCounts(out, "r1"));
    List<Row> rows = TestSpark.get().read().parquet(out + "/" + RegionsJob.TABLE).collectAsList();
    assertEquals(patterns(reference), rowPatterns(rows));
    double total = rows.stream().mapToDouble(r -> r.<Double>getAs("measure")).sum();
    assertEquals(4.0, total, 4.0 * 1e-9, "areas sum to the box area");
    Row summary = TestSpark.get().read().parquet(out + "/" + RegionsJob.SUMMARY).first();
    assertEquals((long) rows.size(), summary.<Long>getAs("regions"));
    assertEquals(reference.stream().filter(BoxedRegion::bounded).count(), summary.<Long>getAs("bounded_regions"));
    assertEquals(reference.stream().filter(r -> !r.bounded()).count(), summary.<Long>getAs("unbounded_regions"));
    assertEquals(4.0, summary.<Double>getAs("box_measure"), 0);
    assertEquals(0L, summary.<Long>getAs("empty_neighbours"));
    assertEquals(9, summary.<Integer>getAs("tiles"));
    assertTrue(summary.<Long>getAs("pieces") > rows.size(), "regions that cross tile borders have several pieces");
    long[] start = weights.pattern(new double[] {0, 0});
    for (Row r : rows) {
      long[] pattern = r.<Long>getList(r.fieldIndex("pattern")).stream().mapToLong(Long::longValue).toArray();
      assertEquals(io.tessera.math.BitPatterns.hamming(pattern, start), r.<Integer>getAs("depth"));
    }

    Path figure = tmp.resolve("regions.png");
    StringWriter err = new StringWriter();
    assertEquals(0, TesseraMain.execute(new PrintWriter(err), "report", "regions", "--root", out, "--run-id", "r1", "--colour", "output", "--out", figure.toString()),
        err.toString());
    assertEquals(900, io.tessera.PngChecks.assertFigure(figure, 900, 400).getWidth());
    assertEquals(2, TesseraMain.execute(new PrintWriter(err), "report", "regions", "--root", out, "--colour", "rainbow", "--out", figure.toString()));
    assertTrue(err.toString().contains("--colour must be pattern or output"), err.toString());

    // Other tilings (one tile, a centre cross, a fine grid) and another start give the same rows;
    // only the depth, measured from the start, may differ.
    var expected = TestSpark.get().read().parquet(out + "/" + RegionsJob.TABLE).drop("run_id", "depth");
    for (int perAxis : new int[] {1, 2, 7}) {
      String other = tmp.resolve("planar-" + perAxis).toString();
      JobRegistry.run(TestSpark.get(), ConfigLoader.of(RegionsConfig.class, "model", model, "output", other, "box", List.of(-1.0, 1.0), "start", List.of(0.8, -0.6), "tiles_per_axis", perAxis, "partitions", 2, "device", "cpu", "run_id", "r2"));
      var actual = TestSpark.get().read().parquet(other + "/" + RegionsJob.TABLE).drop("run_id", "depth");
      assertEquals(expected.count(), actual.count());
      assertEquals(0, expected.exceptAll(actual).count(), perAxis + " tiles per axis");
    }
  }

  @Test
  void threeDimensionalVolumesSumToTheBoxAndMissNoSample() {
    Path dir = tmp.resolve("model-3d");
    float[] x = TestModels.randomInputs(41, 300, 3);
    float[] y = new float[300];
    for (int i = 0; i < 300; i++) {
      y[i] = x[3 * i] * x[3 * i] + x[3 * i + 1] * x[3 * i + 1] + x[3 * i + 2] * x[3 * i + 2] - 1;
    }
    NetworkTrainer.train(new TrainingSet(x, y, 300, 3), null,
        new TrainSpec("model-3d", ModelCard.Task.REGRESSION, List.of(5, 5), 1, 2, 32, 0.01, 41, DevicePolicy.CPU, "test-sphere"), dir, line -> {});
    String out = tmp.resolve("solid").toString();
    JobRun.Result result = JobRegistry.run(TestSpark.get(),
        ConfigLoader.of(RegionsConfig.class, "model", dir.toString(), "output", out, "box", List.of(-1.0, 1.0), "volume_samples", 20_000, "seed", 5L, "tiles_per_axis", 1, "partitions", 2, "device", "cpu", "run_id", "r3d"));
    MlpWeights net = TesseraModelFormat.load(dir, Device.cpu()).weights();
    assertEquals(ReferenceTraversal.regions(net, new double[] {0, 0, 0}, -1, 1).size(), result.counts().rowsOut());
    Row summary = TestSpark.get().read().parquet(out + "/" + RegionsJob.SUMMARY).first();
    assertEquals(0L, summary.<Long>getAs("missed_samples"), "every Monte Carlo point falls in an enumerated region");
    assertEquals(8.0, summary.<Double>getAs("total_measure"), 1e-9, "the estimates partition the box");
    for (Row r : TestSpark.get().read().parquet(out + "/" + RegionsJob.TABLE).collectAsList()) {
      assertTrue(r.isNullAt(r.fieldIndex("vertices")));
      assertTrue(r.<Double>getAs("measure_error") >= 0);
    }
    // Monte Carlo points come from (seed, point id), and a region's facets are the union of its
    // pieces': other partitions and tilings give the same rows. Only the summed measure's rounding may differ.
    String other = tmp.resolve("solid-5").toString();
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(RegionsConfig.class, "model", dir.toString(), "output", other, "box", List.of(-1.0, 1.0), "volume_samples", 20_000, "seed", 5L, "tiles_per_axis", 3, "partitions", 5, "device", "cpu", "run_id", "r3d"));
    var a = TestSpark.get().read().parquet(out + "/" + RegionsJob.TABLE).drop("run_id");
    var b = TestSpark.get().read().parquet(other + "/" + RegionsJob.TABLE).drop("run_id");
    assertEquals(a.count(), b.count());
    assertEquals(0, a.exceptAll(b).count(), "regions depend on partitions or tiles");
    Row otherSummary = TestSpark.get().read().parquet(other + "/" + RegionsJob.SUMMARY).first();
    for (String column : List.of("regions", "bounded_regions", "missed_samples", "empty_neighbours")) {
      assertEquals(summary.<Object>getAs(column), otherSummary.<Object>getAs(column), column);
    }
    assertEquals(summary.<Double>getAs("total_measure"), otherSummary.<Double>getAs("total_measure"), 1e-12);
  }

  @Test
  void aStartOnABoundaryOrAWrongDimensionIsAClearError() {
    String out = tmp.resolve("bad").toString();
    TesseraException e = assertThrows(TesseraException.class, () -> JobRegistry.run(TestSpark.get(),
        ConfigLoader.of(RegionsConfig.class, "model", model, "output", out, "box", List.of(-1.0, 1.0), "start", List.of(0.1, 0.2, 0.3), "partitions", 1, "device", "cpu", "run_id", "bad")));
    assertTrue(e.getMessage().contains("3 coordinates"), e.getMessage());
    assertThrows(TesseraException.class, () -> ConfigLoader.of(RegionsConfig.class, "model", model, "output", out, "box", List.of(1.0, -1.0), "partitions", 1, "device", "cpu"));
  }

  private static Set<String> patterns(List<BoxedRegion> regions) {
    return regions.stream().map(r -> Arrays.toString(r.polytope().pattern())).collect(Collectors.toSet());
  }

  private static Set<String> rowPatterns(List<Row> rows) {
    return rows.stream().map(r -> r.getList(r.fieldIndex("pattern")).toString()).collect(Collectors.toSet());
  }
}
