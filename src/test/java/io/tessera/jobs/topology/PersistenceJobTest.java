package io.tessera.jobs.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.ConfigException;
import io.tessera.InputException;
import io.tessera.JobFixtures;
import io.tessera.SchemaShapes;
import io.tessera.TestSpark;
import io.tessera.config.ConfigLoader;
import io.tessera.data.DatasetIO;
import io.tessera.data.LabeledPoints;
import io.tessera.data.Splits;
import io.tessera.jobs.JobRegistry;
import io.tessera.tables.TableSchema;
import io.tessera.math.topology.Landmarks;
import io.tessera.math.topology.PersistenceDiagram;
import io.tessera.math.topology.RipsPersistence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceJobTest {
  @TempDir static Path tmp;

  @Test
  void writesEachDrawsDiagramAndItsBettiNumbers() {
    String circle = circleDataset("circle", 3000, Float.NaN);
    String out = tmp.resolve("out").toString();
    Map<String, Object> clouds = Map.of("sphere", Map.of("generate", "sphere"), "circle", Map.of("dataset", circle, "splits", List.of("train")));
    JobRegistry.run(TestSpark.get(), config(out, clouds, "p1", 2));
    List<Row> rows = TestSpark.get().read().parquet(out + "/" + PersistenceJob.TABLE).collectAsList();
    assertEquals(List.of("point cloud", 4L, 4L, 0L, (long) rows.size()), JobFixtures.runCounts(out, "p1"), "two clouds, two draws each");

    PersistenceConfig cfg = config(out, clouds, "p1", 2);
    for (String cloud : List.of("sphere", "circle")) {
      for (int repeat = 0; repeat < 2; repeat++) {
        // Recompute the draw from its seed alone, outside Spark, and compare the written intervals.
        long seed = PersistencePartition.drawSeed(cfg.seed(), cloud, repeat);
        float[][] loaded = cloud.equals("circle") ? PointClouds.load(TestSpark.get(), cfg.clouds().get(cloud)) : null;
        double[][] points = PointClouds.draw(cfg.clouds().get(cloud), loaded, cfg.points(), seed);
        Landmarks landmarks = Landmarks.maxMin(points, 60, seed);
        PersistenceDiagram expected = RipsPersistence.of(landmarks.of(points), 2, 1.3, 2);
        String c = cloud;
        int r = repeat;
        List<Row> mine = rows.stream().filter(x -> x.getAs("cloud").equals(c) && x.<Integer>getAs("repeat") == r).toList();
        assertEquals(seed, mine.get(0).<Long>getAs("draw_seed"));
        assertEquals(landmarks.coveringRadius(), mine.get(0).<Double>getAs("covering_radius"), 0);
        assertEquals(60, mine.get(0).<Integer>getAs("used_points"));
        for (int k = 0; k <= 2; k++) {
          int dim = k;
          double[][] written = mine.stream().filter(x -> x.<Integer>getAs("dimension") == dim)
              .map(x -> new double[] {x.getAs("birth"), x.isNullAt(x.fieldIndex("death")) ? Double.POSITIVE_INFINITY : x.<Double>getAs("death")})
              .sorted(Comparator.<double[]>comparingDouble(i -> i[0]).thenComparingDouble(i -> i[1])).toArray(double[][]::new);
          assertArrayEquals(expected.dimension(k), written, cloud + " repeat " + repeat + " H" + k);
        }
      }
    }
    // Betti numbers at eps = 1.0: a sphere (1, 0, 1), a circle (1, 1, 0).
    List<Row> betti = TestSpark.get().read().parquet(out + "/" + PersistenceJob.BETTI).where("scale = 1.0").collectAsList();
    assertEquals(12, betti.size(), "2 clouds x 2 draws x 3 dimensions, zeros included");
    for (Row b : betti) {
      int[] truth = b.getAs("cloud").equals("sphere") ? new int[] {1, 0, 1} : new int[] {1, 1, 0};
      assertEquals(truth[b.<Integer>getAs("dimension")], b.<Integer>getAs("betti"), b.toString());
    }
    for (String table : List.of(PersistenceJob.TABLE, PersistenceJob.BETTI)) {
      assertEquals(SchemaShapes.of(TableSchema.load(table).schema()), SchemaShapes.of(TestSpark.get().read().parquet(out + "/" + table).schema()),
          table + " as written");
    }
  }

  @Test
  void drawsTheDiagramAndBarcodeOfADraw() throws Exception {
    String out = tmp.resolve("figures").toString();
    JobRegistry.run(TestSpark.get(), ConfigLoader.of(PersistenceConfig.class, "output", out, "clouds",
        Map.of("torus", Map.of("generate", "clifford-torus")), "points", 800, "landmarks", 100, "max_dimension", 2, "threshold", 1.4,
        "run_id", "f1"));
    Path png = tmp.resolve("torus.png");
    java.io.StringWriter err = new java.io.StringWriter();
    assertEquals(0, io.tessera.cli.TesseraMain.execute(new java.io.PrintWriter(err), "report", "persistence", "--run", "f1", "--cloud", "torus",
        "--root", out, "--out", png.toString()), err.toString());
    io.tessera.PngChecks.assertFigure(png, 1000, 450);
    assertEquals(2, io.tessera.cli.TesseraMain.execute(new java.io.PrintWriter(err), "report", "persistence", "--run", "f1", "--cloud", "sphere",
        "--root", out, "--out", png.toString()), "no such cloud");
    assertTrue(err.toString().contains("no draw 0 of cloud 'sphere'"), err.toString());
    Path html = tmp.resolve("report.html");
    assertEquals(0, io.tessera.cli.TesseraMain.execute(new java.io.PrintWriter(err), "report", "--run", "f1", "--root", out, "--out", html.toString()));
    String page = Files.readString(html);
    assertTrue(page.contains("Persistence diagram of torus, draw 0") && page.contains("Barcode of torus, draw 0"), "the run report draws both");
    assertEquals(2, page.split("data:image/png;base64,").length - 1);
  }

  @Test
  void refusesBadPointsAndSettingsAndPublishesNothing() throws Exception {
    String poisoned = circleDataset("poisoned", 3000, 17);
    String out = tmp.resolve("bad").toString();
    InputException nan = assertThrows(InputException.class,
        () -> JobRegistry.run(TestSpark.get(), config(out, Map.of("c", Map.of("dataset", poisoned)), "b1", 1)));
    assertTrue(nan.getMessage().contains(poisoned) && nan.getMessage().contains("sample id 17") && nan.getMessage().contains("column features"), nan.getMessage());
    assertFalse(Files.exists(Path.of(out, PersistenceJob.TABLE)), "nothing published");

    String circle = circleDataset("circle-2", 100, Float.NaN);
    InputException empty = assertThrows(InputException.class,
        () -> JobRegistry.run(TestSpark.get(), config(out, Map.of("c", Map.of("dataset", circle, "splits", List.of("validation"))), "b2", 1)));
    assertTrue(empty.getMessage().contains("is empty in splits [validation]"), empty.getMessage());

    InputException big = assertThrows(InputException.class, () -> PointClouds.load(TestSpark.get(), new PointSource(null, circle, null), 150));
    assertTrue(big.getMessage().contains("100 rows of 2 values are more than the 150 a point source collects"), big.getMessage());

    ConfigException threshold = assertThrows(ConfigException.class, () -> ConfigLoader.of(PersistenceConfig.class, "output", out,
        "clouds", Map.of("s", Map.of("generate", "sphere")), "threshold", 0.0));
    assertTrue(threshold.getMessage().contains("threshold must be > 0"), threshold.getMessage());
    ConfigException both = assertThrows(ConfigException.class, () -> ConfigLoader.of(PersistenceConfig.class, "output", out,
        "clouds", Map.of("s", Map.of("generate", "sphere", "dataset", circle))));
    assertTrue(both.getMessage().contains("exactly one of generate"), both.getMessage());
    ConfigException tooMany = assertThrows(ConfigException.class, () -> ConfigLoader.of(PersistenceConfig.class, "output", out,
        "clouds", Map.of("s", Map.of("generate", "sphere")), "points", 5000, "max_dimension", 2));
    assertTrue(tooMany.getMessage().contains("set landmarks"), tooMany.getMessage());
    assertFalse(Files.exists(Path.of(out, PersistenceJob.BETTI)));
  }

  /** A persistence config with the shared test settings: 3,000 points to 60 landmarks, H0..H2 to 1.3. */
  private static PersistenceConfig config(String out, Map<String, Object> clouds, String runId, int partitions) {
    return ConfigLoader.of(PersistenceConfig.class, "output", out, "clouds", clouds, "points", 3000, "landmarks", 60,
        "repeats", 2, "max_dimension", 2, "threshold", 1.3, "betti_scales", List.of(1.0), "seed", 5L, "partitions", partitions, "run_id", runId);
  }

  /** n points on the unit circle (split train), the row with id {@code nanId} holding a NaN coordinate when it is a valid id. */
  private static String circleDataset(String name, int n, float nanId) {
    float[][] x = new float[n][];
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * i / n;
      x[i] = new float[] {(float) Math.cos(a), (float) Math.sin(a)};
    }
    if (!Float.isNaN(nanId)) {
      x[(int) nanId][1] = Float.NaN;
    }
    String uri = tmp.resolve(name).toString();
    DatasetIO.write(TestSpark.get(), new LabeledPoints(x, null, null), Splits.constant(n, "train"), uri, false);
    return uri;
  }
}
