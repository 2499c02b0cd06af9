package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.PngChecks;
import io.tessera.TestSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit pipeline end to end at toy size: every stage is recorded in the runs table, the report
 * page inlines real PNG figures, --only re-runs one stage and --from the rest, --resume redoes
 * exactly the stages whose settings or inputs changed, and mistakes in the stage names are clear
 * errors.
 */
class PipelineTest {
  @TempDir Path tmp;

  @Test
  void runsEveryStageRecordsItAndReportsOnIt() throws Exception {
    String out = tmp.resolve("audit").toString();
    Path config = tmp.resolve("audit.yaml");
    Files.writeString(config, Files.readString(Path.of("conf/audit.yaml"))
        .replace("output: tessera-out/audit", "output: " + out)
        .replace("n: 4000", "n: 400").replace("epochs: 20", "epochs: 3").replace("samples_per_split: 30", "samples_per_split: 4")
        .replace("device: auto", "device: cpu"));
    StringWriter err = new StringWriter();
    assertEquals(0, TesseraMain.execute(new PrintWriter(err), "pipeline", "--config", config.toString()), err.toString());

    List<String> stages = List.of("data", "train", "patterns", "adversarial", "hamming-neighbours", "perturbation-grid", "polytopes");
    List<Row> runs = TestSpark.get().read().parquet(out + "/runs").orderBy("started_at").collectAsList();
    assertEquals(stages.stream().map(s -> "audit-" + s).toList(), runs.stream().map(r -> r.<String>getAs("run_id")).toList());
    assertTrue(runs.stream().allMatch(r -> r.getAs("status").equals("SUCCEEDED")), runs.toString());
    assertEquals(List.of("generate", "train", "patterns", "adversarial", "hamming-neighbours", "perturbation-grid", "polytopes"),
        runs.stream().map(r -> r.<String>getAs("job")).toList());

    String html = Files.readString(Path.of(out, "reports", "audit.html"));
    Matcher images = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
    List<String> pngs = new ArrayList<>();
    while (images.find()) {
      pngs.add(images.group(1));
    }
    assertEquals(3, pngs.size(), "active units, Hamming against radius and polytope radius figures");
    for (int i = 0; i < pngs.size(); i++) {
      Path png = tmp.resolve("figure" + i + ".png");
      Files.write(png, Base64.getDecoder().decode(pngs.get(i)));
      PngChecks.assertFigure(png, 600, 400);
    }
    assertTrue(html.contains("<h3>perturbation_summary</h3>") && html.contains("<h3>polytope_summary</h3>"), "summary tables");
    Path two = tmp.resolve("two.html");
    assertEquals(0, TesseraMain.execute(new PrintWriter(err), "report", "--run", "audit-patterns,audit-polytopes", "--root", out,
        "--out", two.toString()), err.toString());
    assertEquals(2, Files.readString(two).split("data:image/png;base64,").length - 1, "the patterns and polytopes figures");

    // A re-run replaces its stage's outputs and runs row (one per run id); the other stages stay as they were.
    Map<String, Object> before = startTimes(out);
    assertEquals(0, TesseraMain.execute(new PrintWriter(err), "pipeline", "--config", config.toString(), "--only", "polytopes"), err.toString());
    Map<String, Object> afterOnly = startTimes(out);
    assertEquals(0, TesseraMain.execute(new PrintWriter(err), "pipeline", "--config", config.toString(), "--from", "perturbation-grid"),
        err.toString());
    Map<String, Object> afterFrom = startTimes(out);
    for (String stage : stages) {
      String run = "audit-" + stage;
      assertEquals(stage.equals("polytopes"), !before.get(run).equals(afterOnly.get(run)), "--only polytopes re-ran " + run + "?");
      assertEquals(stage.equals("polytopes") || stage.equals("perturbation-grid"), !afterOnly.get(run).equals(afterFrom.get(run)),
          "--from perturbation-grid re-ran " + run + "?");
    }

    // --resume skips every stage whose settings and inputs are unchanged ...
    Path page = Path.of(out, "reports", "audit.html");
    var reportTime = Files.getLastModifiedTime(page);
    String report = Files.readString(page);
    assertEquals(0, TesseraMain.execute(new PrintWriter(err), "pipeline", "--config", config.toString(), "--resume"), err.toString());
    assertEquals(afterFrom, startTimes(out), "an unchanged pipeline re-ran a stage");
    assertEquals(reportTime, Files.getLastModifiedTime(page));
    // ... redoes a stage whose settings changed, and the report ...
    Files.writeString(config, Files.readString(config).replace("directions: 8", "directions: 6"));
    assertEquals(0, TesseraMain.execute(new PrintWriter(err), "pipeline", "--config", config.toString(), "--resume"), err.toString());
    Map<String, Object> afterSettings = startTimes(out);
    for (String stage : stages) {
      assertEquals(stage.equals("perturbation-grid"), !afterFrom.get("audit-" + stage).equals(afterSettings.get("audit-" + stage)), stage);
    }
    assertNotEquals(report, Files.readString(page), "the report was not redone with the new perturbation grid");
    assertEquals(6, TestSpark.get().read().parquet(out + "/perturbation_hamming").where("run_id = 'audit-perturbation-grid'")
        .selectExpr("size(hamming)").first().getInt(0));
    // ... and every stage downstream of a changed input: new training settings give a new model.
    Files.writeString(config, Files.readString(config).replace("epochs: 3", "epochs: 2"));
    assertEquals(0, TesseraMain.execute(new PrintWriter(err), "pipeline", "--config", config.toString(), "--resume"), err.toString());
    Map<String, Object> afterModel = startTimes(out);
    for (String stage : stages) {
      assertEquals(!stage.equals("data"), !afterSettings.get("audit-" + stage).equals(afterModel.get("audit-" + stage)), stage);
    }

    StringWriter bad = new StringWriter();
    assertEquals(2, TesseraMain.execute(new PrintWriter(bad), "pipeline", "--config", config.toString(), "--from", "train", "--only", "data"));
    assertTrue(bad.toString().contains("at most one of --from and --only"), bad.toString());
    assertEquals(2, TesseraMain.execute(new PrintWriter(bad), "pipeline", "--config", config.toString(), "--only", "lmd"));
    assertTrue(bad.toString().contains("stage 'lmd' is not in this pipeline"), bad.toString());
  }

  private static Map<String, Object> startTimes(String out) {
    Map<String, Object> times = new java.util.HashMap<>();
    TestSpark.get().read().parquet(out + "/runs").collectAsList().forEach(r -> times.put(r.getAs("run_id"), r.getAs("started_at")));
    return times;
  }
}
