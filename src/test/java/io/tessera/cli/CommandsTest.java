package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TestSpark;
import io.tessera.model.DevicePolicy;
import io.tessera.model.classifier.ModelCard;
import io.tessera.reproduce.Quickstart;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart at reduced size, and the commands a user runs after it. */
class CommandsTest {
  @TempDir Path tmp;

  @Test
  void quickstartAtReducedSizeThenSqlOverItsTables() throws java.io.IOException {
    SparkSession spark = TestSpark.get();
    String out = tmp.resolve("qs").toString();
    List<String> progress = new java.util.ArrayList<>();
    Quickstart.Summary summary = Quickstart.run(spark, new Quickstart.Settings(out, 600, 40, 3, 7, DevicePolicy.CPU, 256), progress::add);
    assertEquals(5, summary.stages().size());
    assertTrue(progress.stream().anyMatch(l -> l.startsWith("[5/5]")), progress.toString());
    assertEquals(ModelCard.Task.REGRESSION, summary.model().task());
    assertEquals(List.of(10, 10), summary.model().hidden());
    assertEquals(600, summary.patterns().get(0).samples());
    assertEquals(1600, summary.patterns().get(1).samples());
    for (Quickstart.PatternsSummary p : summary.patterns()) {
      long distinct = spark.read().parquet(p.output()).select("pattern_hash").distinct().count();
      assertEquals(distinct, p.distinctPatterns());
      assertTrue(distinct > 1 && distinct < p.samples(), "a trained 2x10 net cuts the square into several regions: " + distinct);
    }

    List<String> views = new io.tessera.tables.OutputRoot(out, spark.sparkContext().hadoopConfiguration()).registerViews(spark);
    assertEquals(List.of("activation_patterns", "datasets_grid_40", "datasets_toy_regression", "runs"), views);
    assertEquals(2, spark.sql("SELECT DISTINCT run_id FROM activation_patterns").count());
    assertEquals(1600, spark.sql("SELECT count(*) FROM datasets_grid_40").first().getLong(0));

    StringWriter err = new StringWriter();
    assertEquals(0, TesseraMain.execute(new PrintWriter(err), "sql", "--root", out, "SELECT count(*) FROM runs WHERE status = 'SUCCEEDED'"), err.toString());
    assertEquals(2, TesseraMain.execute(new PrintWriter(err), "sql", "--root", out, "--file", tmp.resolve("missing.sql").toString()));
    assertTrue(err.toString().contains("missing.sql"), err.toString());
    StringWriter unknown = new StringWriter();
    assertEquals(2, TesseraMain.execute(new PrintWriter(unknown), "sql", "--root", out, "SELECT count(*) FROM no_such_table"));
    assertTrue(unknown.toString().contains("tessera: error: SQL statement 1 of 1 (SELECT count(*) FROM no_such_table): [TABLE_OR_VIEW_NOT_FOUND]"), unknown.toString());
    assertFalse(unknown.toString().contains("\tat "), "a user's SQL error needs no stack trace: " + unknown);

    // The sql command opens tables read-only: writing through a view fails and changes nothing.
    long runsBefore = spark.read().parquet(out + "/runs").count();
    StringWriter write = new StringWriter();
    assertEquals(2, TesseraMain.execute(new PrintWriter(write), "sql", "--root", out, "INSERT INTO runs SELECT * FROM runs"));
    assertTrue(write.toString().contains("the sql command is read-only, and InsertIntoStatement"), write.toString());
    for (String statement : List.of("DROP TABLE runs", "CREATE TABLE t USING parquet AS SELECT * FROM runs", "CACHE TABLE runs")) {
      StringWriter refused = new StringWriter();
      assertEquals(2, TesseraMain.execute(new PrintWriter(refused), "sql", "--root", out, statement), statement);
      assertTrue(refused.toString().contains("read-only"), refused.toString());
    }
    assertEquals(0, TesseraMain.execute(new PrintWriter(err), "sql", "--root", out, "--file", readOnly(tmp).toString()), err.toString());
    assertEquals(runsBefore, spark.read().parquet(out + "/runs").count());

    // The catalog: one external table per Tessera table, partitioned by run, so one run's query reads one directory.
    List<String> statements = CatalogCommand.statements(spark, out, "tessera_catalog_test");
    assertEquals(1 + io.tessera.tables.TableSchema.OUTPUT_TABLES.size() + 2, statements.size(),
        "the database, every output table, and partition scans of the two this root holds: " + statements);
    assertTrue(statements.get(1).contains("LOCATION 'file:" + out + "/activation_patterns'"), statements.get(1));
    assertEquals("MSCK REPAIR TABLE tessera_catalog_test.activation_patterns", statements.get(2));
    assertEquals(0, TesseraMain.execute(new PrintWriter(err), "catalog", "--root", out, "--database", "tessera_catalog_test", "--execute"),
        err.toString());
    String runId = spark.sql("SELECT min(run_id) FROM activation_patterns").first().getString(0);
    Dataset<Row> oneRun = spark.sql("SELECT count(*) FROM tessera_catalog_test.activation_patterns WHERE run_id = '" + runId + "'");
    assertEquals(spark.sql("SELECT count(*) FROM activation_patterns WHERE run_id = '" + runId + "'").first().getLong(0),
        oneRun.first().getLong(0));
    String plan = oneRun.queryExecution().executedPlan().toString();
    assertTrue(plan.contains("PartitionFilters: [isnotnull(run_id") && plan.contains(runId), "pruned to the run's partition: " + plan);
    assertTrue(spark.sql("SELECT count(*) FROM tessera_catalog_test.runs WHERE status = 'SUCCEEDED'").first().getLong(0) >= 2);
    assertEquals(0, spark.sql("SELECT count(*) FROM tessera_catalog_test.ood_scores").first().getLong(0), "a table the root lacks is empty");
  }

  /** Settings, SHOW, DESCRIBE and EXPLAIN are allowed beside queries. */
  private static Path readOnly(Path dir) throws java.io.IOException {
    return Files.writeString(dir.resolve("read-only.sql"),
        "SET spark.sql.shuffle.partitions=2; SHOW TABLES; DESCRIBE runs; EXPLAIN SELECT * FROM runs; SELECT count(*) FROM runs");
  }

  @Test
  void quickstartCommandRunsThroughTheCli() {
    String out = tmp.resolve("cli").toString();
    StringWriter err = new StringWriter();
    int status = TesseraMain.execute(new PrintWriter(err), "quickstart", "--out", out, "--samples", "300", "--grid", "20", "--epochs", "1", "--device", "cpu");
    assertEquals(0, status, err.toString());
    assertEquals(300 + 20 * 20, TestSpark.get().read().parquet(out + "/activation_patterns").count(), "every sample and grid point has a row");
    assertTrue(Files.exists(Path.of(out, "models", "toy-regression-mlp", "model-card.json")));
  }

  @Test
  void importMnistThenTrainAClassifierOnIt() throws Exception {
    Path images = Files.write(tmp.resolve("t10k-images-idx3-ubyte"), io.tessera.data.IdxFixtures.images(40, 3, 3));
    int[] labels = new int[40];
    for (int i = 0; i < 40; i++) {
      labels[i] = i % 3;
    }
    Path labelFile = Files.write(tmp.resolve("t10k-labels-idx1-ubyte"), io.tessera.data.IdxFixtures.labels(labels));
    String data = tmp.resolve("mnist-like").toString();
    StringWriter err = new StringWriter();
    assertEquals(0, TesseraMain.execute(new PrintWriter(err), "import-mnist", "--images", images.toString(), "--labels", labelFile.toString(), "--out", data), err.toString());
    var rows = TestSpark.get().read().parquet(data).orderBy("id").collectAsList();
    assertEquals(40, rows.size());
    assertEquals(9, rows.get(1).getList(rows.get(1).fieldIndex("features")).size());
    assertEquals(1, rows.get(1).<Integer>getAs("label"));
    assertEquals("train", rows.get(1).getAs("split"));
    String model = tmp.resolve("mnist-mlp").toString();
    assertEquals(0, TesseraMain.execute(new PrintWriter(err), "train", "--data", data, "--out", model, "--epochs", "1", "--hidden", "5"), err.toString());
    ModelCard card = ModelCard.read(Path.of(model));
    assertEquals(3, card.outputDim());
    assertEquals(9, card.inputDim());
    assertEquals(2, TesseraMain.execute(new PrintWriter(err), "import-mnist", "--images", images.toString(), "--labels", labelFile.toString(), "--out", data));
    assertTrue(err.toString().contains("already exists"), err.toString());
  }

  @Test
  void liuReproductionRunsEndToEndOnTinyIdxFiles() throws Exception {
    int[] labels = new int[60];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 2;
    }
    byte[] images = io.tessera.data.IdxFixtures.images(60, 4, 4);
    byte[] labelBytes = io.tessera.data.IdxFixtures.labels(labels);
    Path config = tmp.resolve("liu.yaml");
    Files.writeString(config, String.join("\n",
        "images: " + Files.write(tmp.resolve("tr-img"), images),
        "labels: " + Files.write(tmp.resolve("tr-lab"), labelBytes),
        "test_images: " + Files.write(tmp.resolve("te-img"), images),
        "test_labels: " + Files.write(tmp.resolve("te-lab"), labelBytes),
        "output: " + tmp.resolve("liu"),
        "models: [{name: S1, hidden: [6, 6]}]",
        "epochs: 1",
        "radii: [0.5, 1.0]",
        "readings: [{noise: sphere}, {noise: uniform, clip: [0, 1], radius_scale: 0.5}]",
        "path_pairs: 10",
        "chebyshev_samples: 5",
        "active_bits: {widths: [4, 6], layers: 2, images: 2}",
        "device: cpu"));
    StringWriter err = new StringWriter();
    assertEquals(0, TesseraMain.execute(new PrintWriter(err), "reproduce-liu", "--config", config.toString()), err.toString());
    SparkSession spark = TestSpark.get();
    String root = tmp.resolve("liu").toString();
    assertEquals(4, spark.read().parquet(root + "/neighbour_agreement").count(), "2 splits x 2 metrics");
    assertEquals(12, spark.read().parquet(root + "/perturbation_summary").count(), "train, test and fgsm x 2 radii x 2 readings");
    assertEquals(List.of(0.25, 0.5), spark.read().parquet(root + "/perturbation_summary/run_id=liu-s1-grid-data-reading1")
        .select("radius").distinct().orderBy("radius").as(org.apache.spark.sql.Encoders.DOUBLE()).collectAsList(), "radius_scale applies to the grid's radii");
    // Table 5: Hamming-nearest training pairs, each segment crossing at least d_H hyperplanes; Algorithm 2 is a lower bound.
    List<org.apache.spark.sql.Row> paths = spark.read().parquet(root + "/segment_crossings/run_id=liu-s1-paths").collectAsList();
    assertEquals(10, paths.size());
    for (org.apache.spark.sql.Row p : paths) {
      assertTrue(p.<Integer>getAs("regions") >= p.<Integer>getAs("endpoint_hamming") + 1);
      assertTrue(p.<Integer>getAs("bisection_regions") <= p.<Integer>getAs("regions"));
    }
    // Table 6: radius only, 5 points per split, boxed radii at most half the pixel range.
    var boxed = spark.read().parquet(root + "/polytopes/run_id=liu-s1-chebyshev-box-data");
    assertEquals(10, boxed.count(), "5 train and 5 test points");
    assertEquals(0, boxed.where("active_bits IS NOT NULL OR chebyshev_radius > 0.5 OR chebyshev_radius <= 0").count());
    assertEquals(5, spark.read().parquet(root + "/polytopes/run_id=liu-s1-chebyshev-free-fgsm").count());
    // Table 2: one net per width on 2x2-pooled (4-pixel) digits, facets of 2 training regions each.
    assertEquals(4, spark.read().parquet(root + "/datasets/mnist-pool2").select("features").first().getList(0).size());
    var facets = spark.read().parquet(root + "/polytopes/run_id=liu-pool2-2x6-facets");
    assertEquals(2, facets.count());
    assertEquals(0, facets.where("num_active > 12 OR num_active < 1 OR constraints <> 12").count(), "a 2 x 6 net has 12 rows");
    assertEquals(13, spark.read().parquet(root + "/runs").where("status = 'SUCCEEDED'").count(),
        "adversarial, neighbours, 4 grids, paths, 4 Chebyshev runs and 2 facet runs: each a recorded run");
  }

  @Test
  void everyShippedJobConfigParses() {
    int jobs = 0;
    for (String job : new RunCommand.JobNames()) {
      Path config = Path.of("conf", job + ".yaml");
      assertTrue(Files.isRegularFile(config), "conf/" + job + ".yaml ships with the job");
      io.tessera.config.ConfigLoader.load(config.toString(), List.of(), io.tessera.jobs.JobRegistry.get(job).configType());
      jobs++;
    }
    assertEquals(17, jobs);
    io.tessera.config.ConfigLoader.load("conf/liu-table1.yaml", List.of(), io.tessera.jobs.JobRegistry.get("region-census").configType());
    io.tessera.config.ConfigLoader.load("conf/liu-mnist.yaml", List.of(), io.tessera.reproduce.LiuMnistConfig.class);
    var sattelberg = io.tessera.config.ConfigLoader.load("conf/sattelberg-mnist.yaml", List.of(),
        io.tessera.reproduce.SattelbergMnistConfig.class);
    assertEquals(List.of(10, 20), sattelberg.models().get(2).convFilters(), "Conv1 is the paper's two-conv CNN");
    io.tessera.config.ConfigLoader.load("conf/tu-fig5.yaml", List.of(), io.tessera.reproduce.TuFig5Config.class);
    var sreehari = io.tessera.config.ConfigLoader.load("conf/sreehari-mnist.yaml", List.of(),
        io.tessera.reproduce.SreehariMnistConfig.class);
    assertEquals(List.of(3, 7), sreehari.removedDigits());
    var lmd = io.tessera.config.ConfigLoader.load("conf/lmd-mnist.yaml", List.of(), io.tessera.reproduce.LmdMnistConfig.class);
    assertEquals(List.of("inpaint", "diffuse-denoise"), lmd.lifts());
    var jin = io.tessera.config.ConfigLoader.load("conf/jin-topology.yaml", List.of(), io.tessera.reproduce.topology.JinTopologyConfig.class);
    assertEquals(List.of("clifford-torus", "sphere"), jin.manifolds());
  }

  @Test
  void helpListsTheCommands() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.PrintStream previous = System.out;
    System.setOut(new java.io.PrintStream(bytes, true));
    try {
      assertEquals(0, TesseraMain.execute("--help"));
    } finally {
      System.setOut(previous);
    }
    String help = bytes.toString();
    for (String command : List.of("quickstart", "run", "train", "generate", "import-mnist", "sql", "reproduce-liu", "reproduce-sattelberg", "train-diffusion", "reproduce-tu", "reproduce-lmd", "reproduce-jin", "catalog", "pipeline")) {
      assertTrue(help.contains(command), help);
    }
  }
}
