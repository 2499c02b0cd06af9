package io.tessera.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.SchemaShapes;
import io.tessera.TestSpark;
import io.tessera.config.LmdConfig;
import io.tessera.data.DatasetIO;
import io.tessera.data.LabeledPoints;
import io.tessera.math.diffusion.RocAuc;
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
 * closed-form optimal eps (the TorchScript fixture gaussian-image-eps.pt): inpaintings of such
 * images stay close to them, those of uniform noise do not, so noise scores higher; the summary's
 * AUC equals the rank formula on the scores.
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
    String out = tmp.resolve("out").toString();
    LmdJob.run(spark, new LmdConfig(data, model, out, 4, 4, 5, "A", null, List.of(-1.0, 2.0), "id", 3L, 16, 0, "cpu", "lmd", false, null));

    for (String table : List.of(LmdJob.TABLE, LmdJob.SUMMARY)) {
      assertEquals(SchemaShapes.of(TableSchema.load(table).schema()), SchemaShapes.of(spark.read().parquet(out + "/" + table).schema()),
          table + " as written");
    }
    List<Row> scores = spark.read().parquet(out + "/lmd_scores/run_id=lmd").collectAsList();
    assertEquals(80 * 2, scores.size(), "one row per image and distance");
    for (Row summary : spark.read().parquet(out + "/lmd_summary/run_id=lmd").collectAsList()) {
      String distance = summary.getAs("distance");
      if (summary.getAs("split").equals("id")) {
        assertNull(summary.getAs("auc"));
        continue;
      }
      double[] id = scores.stream().filter(r -> r.getAs("split").equals("id") && r.getAs("distance").equals(distance))
          .mapToDouble(r -> r.getAs("score")).toArray();
      double[] ood = scores.stream().filter(r -> r.getAs("split").equals("ood") && r.getAs("distance").equals(distance))
          .mapToDouble(r -> r.getAs("score")).toArray();
      assertEquals(RocAuc.of(id, ood), summary.<Double>getAs("auc"), 1e-12, distance);
      assertTrue(summary.<Double>getAs("auc") > 0.9, distance + " AUC of noise against blobs: " + summary.getAs("auc"));
    }
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
