package io.tessera.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TestSpark;
import io.tessera.config.ConfigLoader;
import io.tessera.data.IdxFixtures;
import io.tessera.model.classifier.ModelCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sattelberg protocol end to end on tiny 16x16 IDX files, with a dense net and a CNN. */
class SattelbergMnistReproductionTest {
  @TempDir Path tmp;

  @Test
  void trainsBothKindsAndFillsTablesOneAndTwo() throws Exception {
    Path images = Files.write(tmp.resolve("train-images"), IdxFixtures.images(60, 16, 16));
    Path labels = Files.write(tmp.resolve("train-labels"), IdxFixtures.labels(alternating(60)));
    Path testImages = Files.write(tmp.resolve("test-images"), IdxFixtures.images(30, 16, 16));
    Path testLabels = Files.write(tmp.resolve("test-labels"), IdxFixtures.labels(alternating(30)));
    String out = tmp.resolve("out").toString();
    SattelbergMnistConfig cfg = ConfigLoader.of(SattelbergMnistConfig.class, "images", images.toString(), "labels", labels.toString(), "test_images", testImages.toString(), "test_labels", testLabels.toString(), "output", out, "models", List.of(new SattelbergMnistConfig.Model("Dense", List.of(8), null, 1L), new SattelbergMnistConfig.Model("Conv", List.of(4), List.of(2, 3), 1L)), "epochs", 1, "batch_size", 16, "learning_rate", 0.01, "maps_train", 40, "maps_test", 20, "ks", List.of(1, 5), "seed", 0L, "device", "cpu");

    SattelbergMnistReproduction.Result result = SattelbergMnistReproduction.run(TestSpark.get(), cfg, line -> {});

    assertEquals(List.of(ModelCard.FORMAT, ModelCard.CNN_FORMAT), result.models().stream().map(ModelCard::format).toList());
    assertEquals(4, result.table1().size());
    for (SattelbergMnistReproduction.Table1Row row : result.table1()) {
      assertEquals(20, row.samples());
      assertTrue(row.accuracy() >= 0 && row.accuracy() <= 1, row.toString());
    }
    assertEquals(4, result.table2().size());
    for (SattelbergMnistReproduction.Table2Row row : result.table2()) {
      // Both tables score the same 20 test images, so each network's own accuracy is the same in both.
      for (SattelbergMnistReproduction.Table1Row t1 : result.table1()) {
        if (t1.model().equals(row.from())) {
          assertEquals(t1.original(), row.fromAccuracy(), 1e-12, row + " against " + t1);
        }
      }
      assertEquals(20, row.samples());
      if (row.from().equals(row.to())) {
        // C pinv(C) C = C: a network's maps mapped onto themselves classify as the network does.
        assertEquals(row.fromAccuracy(), row.accuracy(), 1e-12, row.toString());
      }
    }
    // The CNN's maps came through the jobs like the dense net's: one row per sample and output.
    assertEquals(60L * 2, TestSpark.get().read().parquet(out + "/local_maps/run_id=sattelberg-conv-maps").count());
  }

  private static int[] alternating(int n) {
    return java.util.stream.IntStream.range(0, n).map(i -> i % 2).toArray();
  }
}
