package io.tessera.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.JobFixtures;
import io.tessera.TestSpark;
import io.tessera.cli.TesseraMain;
import io.tessera.data.DatasetIO;
import io.tessera.data.LabeledPoints;
import io.tessera.data.Splits;
import io.tessera.data.SyntheticDatasets;
import io.tessera.run.lifecycle.FaultInjection;
import io.tessera.tables.RunRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input: a message that names the thing, a non-zero exit, no published table,
 * and (for job failures) a FAILED row in the runs table.
 */
class BadInputTest {
  @TempDir static Path tmp;
  static String good;
  static String model;

  @BeforeAll
  static void fixtures() {
    good = JobFixtures.xorDataset(tmp, 200);
    model = JobFixtures.tinyModel(tmp);
  }

  private record Outcome(int status, String stderr) {}

  private static Outcome cli(List<String> args) {
    StringWriter err = new StringWriter();
    int status = TesseraMain.execute(new PrintWriter(err, true), args.toArray(String[]::new));
    return new Outcome(status, err.toString());
  }

  private static Outcome patterns(String input, String modelUri, String out, String... extra) {
    return cli(JobFixtures.patterns(input, modelUri, out, extra));
  }

  /** Nothing visible at the output path, and the failure is on record. */
  private static void assertNothingPublished(String out, String reasonFragment) throws IOException {
    Path table = Path.of(out, "activation_patterns");
    if (Files.exists(table)) {
      try (Stream<Path> children = Files.list(table)) {
        assertEquals(List.of(), children.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList());
      }
    }
    assertFalse(Files.exists(Path.of(out, "_staging")), "staging was cleaned up");
    if (Files.exists(Path.of(out, "runs"))) {
      Row run = TestSpark.get().read().parquet(out + "/runs").first();
      assertEquals(RunRecord.FAILED, run.getAs("status"));
      assertTrue(run.<String>getAs("message").contains(reasonFragment), run.<String>getAs("message"));
    }
  }

  private static void assertError(Outcome outcome, String... fragments) {
    assertEquals(2, outcome.status(), outcome.stderr());
    assertTrue(outcome.stderr().matches("(?s)tessera: ((config|input|model) )?error: .*"), outcome.stderr());
    assertFalse(outcome.stderr().contains("\tat "), "a user's error has no stack trace: " + outcome.stderr());
    for (String fragment : fragments) {
      assertTrue(outcome.stderr().contains(fragment), "expected '" + fragment + "' in: " + outcome.stderr());
    }
  }

  private static String dataset(String name, float[][] features) {
    String uri = tmp.resolve(name).toString();
    int[] labels = new int[features.length];
    DatasetIO.write(TestSpark.get(), new LabeledPoints(features, labels, null), Splits.constant(features.length, "train"), uri, false);
    return uri;
  }

  @Test
  void wrongDimensionNamesTheColumnAndTheSample() throws IOException {
    String input = tmp.resolve("three-d").toString();
    LabeledPoints p = SyntheticDatasets.generate(SyntheticDatasets.Kind.THREE_GAUSSIANS, 30, 1, 3);
    DatasetIO.write(TestSpark.get(), p, Splits.constant(30, "train"), input, false);
    String out = tmp.resolve("out-dim").toString();
    assertError(patterns(input, model, out), input, "sample id 0", "column features has 3 values but the model expects 2");
    assertNothingPublished(out, "model expects 2");
  }

  @Test
  void nanAndInfAreRejected() throws IOException {
    String nan = dataset("nan", new float[][] {{0.1f, 0.2f}, {Float.NaN, 0f}, {0.3f, 0.3f}});
    String inf = dataset("inf", new float[][] {{0.1f, Float.NEGATIVE_INFINITY}});
    String out = tmp.resolve("out-nan").toString();
    assertError(patterns(nan, model, out), nan, "sample id 1", "column features contains NaN, Inf or NULL", "quarantine");
    assertNothingPublished(out, "NaN");
    assertError(patterns(inf, model, tmp.resolve("out-inf").toString()), "sample id 0", "NaN, Inf");
  }

  @Test
  void quarantineDivertsBadRowsAndLosesNothing() {
    String mixed = dataset("mixed", new float[][] {{0.1f, 0.2f}, {Float.NaN, 0f}, {0.3f, 0.3f}, {Float.POSITIVE_INFINITY, 1f}});
    String out = tmp.resolve("out-quarantine").toString();
    Outcome outcome = patterns(mixed, model, out, "quarantine=true", "run_id=q1");
    assertEquals(0, outcome.status(), outcome.stderr());
    var spark = TestSpark.get();
    List<Row> rejects = spark.read().parquet(out + "/_rejects").orderBy("sample_id").collectAsList();
    assertEquals(2, rejects.size());
    assertEquals(1L, rejects.get(0).<Long>getAs("sample_id"));
    assertTrue(rejects.get(0).<String>getAs("reason").contains("NaN"));
    assertEquals(mixed, rejects.get(0).getAs("source"));
    assertEquals(List.of(0L, 2L), spark.read().parquet(out + "/activation_patterns").orderBy("sample_id")
        .select("sample_id").collectAsList().stream().map(r -> r.getLong(0)).toList());
    Row run = spark.read().parquet(out + "/runs").first();
    assertEquals(4L, run.<Long>getAs("rows_in"));
    assertEquals(run.<Long>getAs("rows_in"), run.<Long>getAs("rows_out") + run.<Long>getAs("rows_rejected"));
  }

  @Test
  void missingAndCorruptModels() throws IOException {
    String out = tmp.resolve("out-model").toString();
    String missing = tmp.resolve("no-such-model").toString();
    assertError(patterns(good, missing, out), "tessera: model error: model not found: " + missing);
    assertNothingPublished(out, "model not found");

    Path corrupt = tmp.resolve("corrupt-model");
    Files.createDirectories(corrupt);
    Files.writeString(corrupt.resolve("model-card.json"), "{ not json");
    assertError(patterns(good, corrupt.toString(), tmp.resolve("out-model2").toString()), "corrupt model card", corrupt.toString());

    Path garbage = tmp.resolve("garbage.pt");
    Files.write(garbage, new byte[] {1, 2, 3, 4});
    assertError(patterns(good, garbage.toString(), tmp.resolve("out-model3").toString()), "corrupt TorchScript model", garbage.toString());
  }

  @Test
  void missingCorruptAndMistypedParquet() throws IOException {
    String missing = tmp.resolve("nowhere").toString();
    assertError(patterns(missing, model, tmp.resolve("out-p1").toString()), "tessera: input error: dataset not found: " + missing);

    Path garbage = tmp.resolve("garbage-parquet");
    Files.createDirectories(garbage);
    Files.writeString(garbage.resolve("part-00000.parquet"), "this is not parquet at all");
    String out2 = tmp.resolve("out-p2").toString();
    assertError(patterns(garbage.toString(), model, out2), garbage.toString());
    assertNothingPublished(out2, "");

    // A real dataset whose files were cut short.
    String truncated = JobFixtures.xorDataset(tmp.resolve("truncated-src"), 300);
    try (Stream<Path> files = Files.list(Path.of(truncated))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length / 2));
      }
    }
    String out3 = tmp.resolve("out-p3").toString();
    assertError(patterns(truncated, model, out3), truncated);
    assertNothingPublished(out3, "");

    StructType stringFeatures = new StructType().add("id", DataTypes.LongType).add("features", DataTypes.StringType);
    String mistyped = tmp.resolve("mistyped").toString();
    TestSpark.get().createDataFrame(List.of(RowFactory.create(1L, "0.1,0.2")), stringFeatures).write().parquet(mistyped);
    assertError(patterns(mistyped, model, tmp.resolve("out-p4").toString()), mistyped, "column 'features' has type string, expected array<float>");
  }

  @Test
  void emptyDatasetIsAnError() throws IOException {
    String empty = tmp.resolve("empty").toString();
    TestSpark.get().createDataFrame(new ArrayList<Row>(), DatasetIO.schema()).write().parquet(empty);
    String out = tmp.resolve("out-empty").toString();
    assertError(patterns(empty, model, out), "input dataset " + empty + " is empty");
    assertNothingPublished(out, "is empty");
    assertError(patterns(good, model, tmp.resolve("out-empty2").toString(), "splits=[validation]"), "is empty after selecting splits [validation]");
  }

  /**
   * Atomic outputs: a task that fails half-way through writing (after its first row, through the
   * test hook) leaves nothing visible and a FAILED runs row with the reason; the same run id then
   * succeeds and publishes every row.
   */
  @Test
  void aFaultHalfWayThroughAJobPublishesNothingAndTheRerunSucceeds() throws IOException {
    String out = tmp.resolve("fault").toString();
    String input = JobFixtures.xorDataset(tmp.resolve("fault-input"), 400);
    TestSpark.get().conf().set(FaultInjection.PARTITION, "1");
    try {
      // The injected IllegalStateException stands for a bug: stack trace and its own exit status.
      Outcome bug = patterns(input, model, out, "partitions=3", "run_id=faulty");
      assertEquals(TesseraMain.BUG, bug.status(), bug.stderr());
      assertTrue(bug.stderr().startsWith("tessera: internal error: "), bug.stderr());
      assertTrue(bug.stderr().contains("this is a bug in Tessera"), bug.stderr());
      assertTrue(bug.stderr().contains("fault injected") && bug.stderr().contains("partition 1"), bug.stderr());
      assertTrue(bug.stderr().contains("\tat io.tessera.run.lifecycle.FaultInjection"), "the stack trace is printed: " + bug.stderr());
      assertNothingPublished(out, "fault injected");
    } finally {
      TestSpark.get().conf().unset(FaultInjection.PARTITION);
    }
    Outcome rerun = patterns(input, model, out, "partitions=3", "run_id=faulty");
    assertEquals(0, rerun.status(), rerun.stderr());
    assertEquals(400, TestSpark.get().read().parquet(out + "/activation_patterns/run_id=faulty").count());
    assertEquals(RunRecord.SUCCEEDED, TestSpark.get().read().parquet(out + "/runs/run_id=faulty").first().getAs("status"));
  }

  @Test
  void unknownJobsOptionsAndValues() throws IOException {
    Outcome job = cli(List.of("run", "segments", "--set", "input=x"));
    assertEquals(2, job.status());
    assertTrue(job.stderr().contains("segments"), job.stderr());

    Outcome flag = cli(List.of("quickstart", "--samplez", "5"));
    assertEquals(2, flag.status());
    assertTrue(flag.stderr().contains("--samplez"), flag.stderr());

    Outcome command = cli(List.of("frobnicate"));
    assertEquals(2, command.status());
    assertTrue(command.stderr().contains("frobnicate"), command.stderr());

    Path config = tmp.resolve("typo.yaml");
    Files.writeString(config, "input: a\nmodel: b\noutput: c\nbatchsize: 10\n");
    Outcome typo = cli(List.of("run", "patterns", "--config", config.toString()));
    assertError(typo, "unknown option 'batchsize'", config.toString(), "batch_size");
    assertTrue(typo.stderr().startsWith("tessera: config error: "), typo.stderr());

    assertError(patterns(good, model, tmp.resolve("o").toString(), "batch_size=0"), "batch_size must be in 1..");
    assertError(patterns(good, model, tmp.resolve("o").toString(), "batch_size=lots"), "batch_size");
    assertError(patterns(good, model, tmp.resolve("o").toString(), "device=tpu"), "unknown device 'tpu'");
    assertError(cli(List.of("run", "patterns", "--set", "input=x")), "model");
    assertError(cli(List.of("run", "patterns", "--config", tmp.resolve("none.yaml").toString())), "config file not found");

    // Configs are data: YAML type tags never construct objects (the classic loader gadget below
    // would fetch a jar); the tagged value is just a value of the wrong shape.
    Path gadget = tmp.resolve("gadget.yaml");
    Files.writeString(gadget, "input: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:9/x.jar\"]]]]\n"
        + "model: b\noutput: c\n");
    assertError(cli(List.of("run", "patterns", "--config", gadget.toString())), "'input'", gadget.toString());
  }

  @Test
  void duplicateIdsFailOrAreQuarantinedWithEveryCopy() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (long id : new long[] {0, 1, 2, 1}) {
      rows.add(RowFactory.create(id, "train", 0, null, new float[] {0.1f * id, 0.2f}));
    }
    String dup = tmp.resolve("duplicates").toString();
    TestSpark.get().createDataFrame(rows, DatasetIO.schema()).write().parquet(dup);
    String out = tmp.resolve("out-dup").toString();
    assertError(patterns(dup, model, out), dup, "column id has duplicate value 1 in split 'train'", "quarantine");
    assertNothingPublished(out, "duplicate value 1");

    String quarantined = tmp.resolve("out-dup-q").toString();
    Outcome outcome = patterns(dup, model, quarantined, "quarantine=true", "run_id=dq");
    assertEquals(0, outcome.status(), outcome.stderr());
    List<Row> rejects = TestSpark.get().read().parquet(quarantined + "/_rejects").collectAsList();
    assertEquals(2, rejects.size(), "both copies of id 1");
    assertTrue(rejects.stream().allMatch(r -> r.<Long>getAs("sample_id") == 1L && r.<String>getAs("reason").contains("repeats")), rejects.toString());
    Row run = TestSpark.get().read().parquet(quarantined + "/runs").first();
    assertEquals(List.of(4L, 2L, 2L), List.of(run.<Long>getAs("rows_in"), run.<Long>getAs("rows_out"), run.<Long>getAs("rows_rejected")));
  }

  /** With spark.tessera.roots set, configs are read and outputs written only inside those roots. */
  @Test
  void configsAndOutputsOutsideTheAllowedRootsAreRefused() throws IOException {
    Path allowed = Files.createDirectories(tmp.resolve("allowed"));
    Path inside = allowed.resolve("patterns.yaml");
    Path outside = tmp.resolve("outside.yaml");
    for (Path config : List.of(inside, outside)) {
      Files.writeString(config, "input: " + good + "\nmodel: " + model + "\n");
    }
    TestSpark.get().conf().set(io.tessera.AllowedRoots.SETTING, allowed.toUri().toString());
    try {
      String escape = allowed + "/../escaped";
      assertError(patterns(good, model, escape), "output " + escape, "outside the allowed roots");
      assertFalse(Files.exists(tmp.resolve("escaped")), "nothing written outside");
      assertError(cli(List.of("run", "patterns", "--config", outside.toString(), "--set", "output=" + allowed.resolve("o"))),
          "config file " + outside, "outside the allowed roots");
      assertError(cli(List.of("generate", "xor", "--n", "10", "--out", tmp.resolve("gen-outside").toString())), "outside the allowed roots");
      assertError(cli(List.of("train", "--data", good, "--out", tmp.resolve("model-outside").toString(), "--epochs", "1")),
          "model output", "outside the allowed roots");
      Outcome ok = cli(List.of("run", "patterns", "--config", inside.toString(), "--set", "output=" + allowed.resolve("o"), "--set", "device=cpu"));
      assertEquals(0, ok.status(), ok.stderr());
    } finally {
      TestSpark.get().conf().unset(io.tessera.AllowedRoots.SETTING);
    }
  }
}
