package io.tessera.jobs.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.JobFixtures;
import io.tessera.SchemaShapes;
import io.tessera.TesseraException;
import io.tessera.TestSpark;
import io.tessera.config.ConfigLoader;
import io.tessera.data.DatasetIO;
import io.tessera.data.LabeledPoints;
import io.tessera.jobs.JobRegistry;
import io.tessera.math.diffusion.RocAuc;
import io.tessera.math.latent.SmoothActivation;
import io.tessera.model.DevicePolicy;
import io.tessera.model.autoencoder.AutoencoderSpec;
import io.tessera.model.autoencoder.AutoencoderTrainer;
import io.tessera.model.classifier.ModelCard;
import io.tessera.model.classifier.NetworkTrainer;
import io.tessera.model.classifier.TrainSpec;
import io.tessera.model.classifier.TrainingSet;
import io.tessera.tables.TableSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LMD on 12 x 12 images whose in-distribution law is N(blob, 0.1^2 I), scored with that law's
 * closed-form optimal eps (the TorchScript fixture gaussian-image-eps.pt): lifts of such images
 * (inpainting, or diffusing and denoising) stay close to them, those of uniform noise do not, so
 * noise scores higher by every distance, the learned ones included (classifier features, and the
 * codes of an autoencoder trained on the in-distribution images alone, without labels); the summary's AUC equals the rank
 * formula on the scores; and the scores do not depend on partitions or batch size.
 */
class LmdJobTest {
  private static final int SIDE = 12;

  @TempDir Path tmp;

  @Test
  void scoresUnseenImagesHigherAndSummarisesWithTheAuc() {
    SparkSession spark = TestSpark.get();
    SplittableRandom random = new SplittableRandom(8);
    float[] blob = blob();
    List<float[]> images = new ArrayList<>();
    List<String> splits = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      float[] image = new float[SIDE * SIDE];
      for (int k = 0; k < image.length; k++) {
        image[k] = i < 40 ? (float) (blob[k] + 0.1 * random.nextGaussian()) : (float) random.nextDouble();
      }
      images.add(image);
      splits.add(i < 40 ? "id" : "ood");
    }
    String data = tmp.resolve("blobs").toString();
    DatasetIO.write(spark, new LabeledPoints(images.toArray(float[][]::new), null, null), splits, data, false);
    String model = Path.of("src/test/resources/models/gaussian-image-eps.pt").toAbsolutePath().toString();
    String classifier = tmp.resolve("classifier").toString();
    float[] flat = new float[80 * SIDE * SIDE];
    float[] labels = new float[80];
    for (int i = 0; i < 80; i++) {
      System.arraycopy(images.get(i), 0, flat, i * SIDE * SIDE, SIDE * SIDE);
      labels[i] = i < 40 ? 0 : 1;
    }
    NetworkTrainer.train(new TrainingSet(flat, labels, 80, SIDE * SIDE), null, new TrainSpec("blob-or-noise",
        ModelCard.Task.CLASSIFICATION, List.of(16), 2, 20, 16, 1e-2, 1, DevicePolicy.CPU, "blobs"), Path.of(classifier), line -> {});
    // The label-free feature model: an autoencoder that only ever sees the in-distribution blobs (targets unused).
    String autoencoder = tmp.resolve("autoencoder").toString();
    AutoencoderTrainer.train(new TrainingSet(java.util.Arrays.copyOf(flat, 40 * SIDE * SIDE), new float[40], 40, SIDE * SIDE), null,
        new AutoencoderSpec("blob-codes", 4, List.of(32), SmoothActivation.TANH, SmoothActivation.IDENTITY, 40, 8, 1e-2, 1, DevicePolicy.CPU,
            "blobs"), Path.of(autoencoder), line -> {});

    String out = tmp.resolve("out").toString();
    JobRegistry.run(spark, ConfigLoader.of(LmdConfig.class, "input", data, "model", model, "output", out, "attempts", 4, "grid", 4, "step_size", 5, "variance", "A", "distances", List.of("mse", "ssim", "deep", "code"), "clamp", List.of(-1.0, 2.0), "in_distribution_split", "id", "seed", 3L, "batch_size", 16, "partitions", 0, "device", "cpu", "run_id", "inpaint", "quarantine", false, "feature_model", classifier, "code_model", autoencoder));
    JobRegistry.run(spark, ConfigLoader.of(LmdConfig.class, "input", data, "model", model, "output", out, "attempts", 3, "grid", 4, "step_size", 5, "variance", "A", "distances", List.of("mse"), "clamp", List.of(-1.0, 2.0), "in_distribution_split", "id", "seed", 3L, "batch_size", 16, "partitions", 0, "device", "cpu", "run_id", "diffuse", "quarantine", false, "lift", LmdConfig.DIFFUSE_DENOISE, "lift_step", 40, "keep_attempts", false));
    // The same inpainting run over 3 partitions in batches of 5: the masks and noise come from
    // (seed, sample id, attempt), so the pixel distances are the same to the bit; deep and code
    // pass float32 features through GEMMs whose blocking follows the batch size, so to 1e-5.
    JobRegistry.run(spark, ConfigLoader.of(LmdConfig.class, "input", data, "model", model, "output", out, "attempts", 4, "grid", 4, "step_size", 5, "variance", "A", "distances", List.of("mse", "ssim", "deep", "code"), "clamp", List.of(-1.0, 2.0), "in_distribution_split", "id", "seed", 3L, "batch_size", 5, "partitions", 3, "device", "cpu", "run_id", "inpaint-3", "quarantine", false, "feature_model", classifier, "code_model", autoencoder));
    assertEquals(List.of("input row", 80L, 80L, 0L, 4 * 80L), JobFixtures.runCounts(out, "inpaint"), "a row per image and distance");
    for (String table : List.of(LmdJob.TABLE, LmdJob.SUMMARY)) {
      assertEquals(0, spark.read().parquet(out + "/" + table + "/run_id=inpaint").where("distance IN ('mse', 'ssim')").exceptAll(
          spark.read().parquet(out + "/" + table + "/run_id=inpaint-3").where("distance IN ('mse', 'ssim')")).count(), table + " depends on partitions");
    }
    for (String learned : List.of("deep", "code")) {
      Row spread = spark.read().parquet(out + "/ood_scores").where("distance = '" + learned + "'").groupBy("sample_id")
          .agg(org.apache.spark.sql.functions.max("score").minus(org.apache.spark.sql.functions.min("score")).as("spread"),
              org.apache.spark.sql.functions.count("*").as("n"))
          .agg(org.apache.spark.sql.functions.max("spread"), org.apache.spark.sql.functions.min("n")).first();
      assertTrue(spread.getDouble(0) < 1e-5, learned + " scores differ by " + spread.getDouble(0));
      assertEquals(2L, spread.getLong(1), "every image scored by both runs");
    }

    for (String table : List.of(LmdJob.TABLE, LmdJob.SUMMARY)) {
      assertEquals(SchemaShapes.of(TableSchema.load(table).schema()), SchemaShapes.of(spark.read().parquet(out + "/" + table).schema()),
          table + " as written");
    }
    for (String run : List.of("inpaint", "diffuse")) {
      List<Row> scores = spark.read().parquet(out + "/ood_scores/run_id=" + run).collectAsList();
      List<Row> summaries = spark.read().parquet(out + "/ood_summary/run_id=" + run).collectAsList();
      int distances = run.equals("inpaint") ? 4 : 1;
      assertEquals(80 * distances, scores.size(), "one row per image and distance");
      assertEquals(distances, summaries.size(), "one summary row per distance: ood against id");
      for (Row score : scores) {
        assertEquals(run.equals("inpaint") ? "inpaint" : LmdConfig.DIFFUSE_DENOISE, score.getAs("lift"));
        assertEquals(run.equals("inpaint"), !score.isNullAt(score.fieldIndex("attempt_distances")), "keep_attempts");
      }
      for (Row summary : summaries) {
        String distance = summary.getAs("distance");
        assertEquals("id", summary.getAs("in_domain"));
        assertEquals("ood", summary.getAs("out_of_domain"));
        assertEquals(40L, summary.<Long>getAs("in_samples"));
        double[] id = scores.stream().filter(r -> r.getAs("split").equals("id") && r.getAs("distance").equals(distance))
            .mapToDouble(r -> r.getAs("score")).toArray();
        double[] ood = scores.stream().filter(r -> r.getAs("split").equals("ood") && r.getAs("distance").equals(distance))
            .mapToDouble(r -> r.getAs("score")).toArray();
        assertEquals(RocAuc.of(id, ood), summary.<Double>getAs("auc"), 1e-12, run + " " + distance);
        double[] interval = RocAuc.delong95(id, ood);
        assertEquals(interval[0], summary.<Double>getAs("auc_low"), 1e-12, "DeLong's interval from ranks equals the pairwise one");
        assertEquals(interval[1], summary.<Double>getAs("auc_high"), 1e-12);
        assertTrue(summary.<Double>getAs("auc") > 0.9, run + " " + distance + " AUC of noise against blobs: " + summary.getAs("auc"));
      }
    }
  }

  @Test
  void figuresOfScoresAndLifts() throws Exception {
    SparkSession spark = TestSpark.get();
    String data = tmp.resolve("figure-data").toString();
    List<float[]> images = new ArrayList<>();
    List<String> splits = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 12; i++) {
      float[] image = new float[SIDE * SIDE];
      for (int k = 0; k < image.length; k++) {
        image[k] = i < 6 ? blob()[k] : (float) random.nextDouble();
      }
      images.add(image);
      splits.add(i < 6 ? "id" : "ood");
    }
    DatasetIO.write(spark, new LabeledPoints(images.toArray(float[][]::new), null, null), splits, data, false);
    Path config = tmp.resolve("lmd.yaml");
    java.nio.file.Files.writeString(config, "input: " + data + "\nmodel: " + Path.of("src/test/resources/models/gaussian-image-eps.pt")
        .toAbsolutePath() + "\noutput: " + tmp.resolve("figure-out") + "\nattempts: 2\ngrid: 4\nstep_size: 10\ndistances: [mse]\n"
        + "clamp: [-1.0, 2.0]\nin_distribution_split: id\ndevice: cpu\nrun_id: figures\n");
    java.io.StringWriter err = new java.io.StringWriter();
    assertEquals(0, io.tessera.cli.TesseraMain.execute(new java.io.PrintWriter(err), "run", "lmd", "--config", config.toString()), err.toString());
    Path roc = tmp.resolve("roc.png");
    assertEquals(0, io.tessera.cli.TesseraMain.execute(new java.io.PrintWriter(err), "report", "roc", "--scores",
        tmp.resolve("figure-out/ood_scores/run_id=figures").toString(), "--in-domain", "id", "--out", roc.toString()), err.toString());
    io.tessera.PngChecks.assertFigure(roc, 400, 380);
    // TorchScript models are code: the runs table records the SHA-256 of the file that ran.
    byte[] script = java.nio.file.Files.readAllBytes(Path.of("src/test/resources/models/gaussian-image-eps.pt"));
    String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(script));
    assertEquals(expected, spark.read().parquet(tmp.resolve("figure-out/runs").toString()).first().getAs("model_sha256"));
    Path grid = tmp.resolve("inpainting.png");
    assertEquals(0, io.tessera.cli.TesseraMain.execute(new java.io.PrintWriter(err), "report", "inpainting", "--config", config.toString(),
        "--ids", "0,1,7", "--out", grid.toString()), err.toString());
    io.tessera.PngChecks.assertFigure(grid, 3 * 170, 3 * 190);
    assertEquals(2, io.tessera.cli.TesseraMain.execute(new java.io.PrintWriter(err), "report", "inpainting", "--config", config.toString(),
        "--ids", "0,99", "--out", grid.toString()));
    assertTrue(err.toString().contains("found 1 of the ids"), err.toString());
  }

  @Test
  void learnedDistancesAndTheirModelsGoTogether() {
    String model = "src/test/resources/models/gaussian-image-eps.pt";
    TesseraException missing = assertThrows(TesseraException.class, () -> ConfigLoader.of(LmdConfig.class, "input", "in", "model", model, "output", "out", "distances", List.of("deep")));
    assertTrue(missing.getMessage().contains("feature_model"), missing.getMessage());
    TesseraException noCodes = assertThrows(TesseraException.class, () -> ConfigLoader.of(LmdConfig.class, "input", "in", "model", model, "output", "out", "distances", List.of("code")));
    assertTrue(noCodes.getMessage().contains("code_model"), noCodes.getMessage());
    TesseraException step = assertThrows(TesseraException.class, () -> ConfigLoader.of(LmdConfig.class, "input", "in", "model", model, "output", "out", "lift_step", 10));
    assertTrue(step.getMessage().contains("lift_step"), step.getMessage());
  }

  /** The fixture's mean image: a soft blob (sd 2 px) in the middle of a dark 12 x 12 image. */
  private static float[] blob() {
    double centre = (SIDE - 1) / 2.0;
    float[] image = new float[SIDE * SIDE];
    for (int r = 0; r < SIDE; r++) {
      for (int c = 0; c < SIDE; c++) {
        image[r * SIDE + c] = (float) Math.exp(-((r - centre) * (r - centre) + (c - centre) * (c - centre)) / (2 * 2.0 * 2.0));
      }
    }
    return image;
  }
}
