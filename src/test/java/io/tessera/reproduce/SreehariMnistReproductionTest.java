package io.tessera.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TestSpark;
import io.tessera.config.ConfigLoader;
import io.tessera.data.IdxFixtures;
import io.tessera.math.Seeds;
import io.tessera.model.autoencoder.AutoencoderCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sreehari et al.'s 2 x 2 design end to end on tiny 16x16 IDX files: the splits, the models, the codes and the scores. */
class SreehariMnistReproductionTest {
  @TempDir Path tmp;

  @Test
  void scoresTwoNetworksOnTwoTrainingSets() throws Exception {
    int[] trainLabels = java.util.stream.IntStream.range(0, 100).map(i -> i % 10).toArray();
    int[] testLabels = java.util.stream.IntStream.range(0, 50).map(i -> i % 10).toArray();
    Path images = Files.write(tmp.resolve("train-images"), digits(trainLabels, 3));
    Path labels = Files.write(tmp.resolve("train-labels"), IdxFixtures.labels(trainLabels));
    Path testImages = Files.write(tmp.resolve("test-images"), digits(testLabels, 4));
    Path testLabelFile = Files.write(tmp.resolve("test-labels"), IdxFixtures.labels(testLabels));
    String out = tmp.resolve("out").toString();
    SreehariMnistConfig cfg = ConfigLoader.of(SreehariMnistConfig.class, "images", images.toString(), "labels", labels.toString(), "test_images", testImages.toString(), "test_labels", testLabelFile.toString(), "output", out, "keep_fraction", 0.7, "removed_digits", List.of(3, 7), "removed_fraction", 0.8, "latent_dim", 2, "mlp_hidden", List.of(8, 6), "cnn_conv_filters", List.of(2, 3), "cnn_hidden", List.of(6), "classifier_epochs", 1, "decoder_hidden", List.of(8, 8), "decoder_epochs", 2, "mc_samples", 200, "reuse_models", false, "seed", 1L, "device", "cpu");

    List<SreehariMnistReproduction.Case> cases = SreehariMnistReproduction.run(TestSpark.get(), cfg, line -> {});

    // The split, recomputed independently from the per-image seeds.
    int kept = 0;
    int removed = 0;
    for (int i = 0; i < 150; i++) {
      int label = i < 100 ? trainLabels[i] : testLabels[i - 100];
      if (Seeds.forSample(1L, i, "sreehari-keep").nextDouble() < 0.7) {
        kept++;
        removed += (label == 3 || label == 7) && Seeds.forSample(1L, i, "sreehari-remove").nextDouble() < 0.8 ? 1 : 0;
      }
    }
    assertTrue(removed > 0);
    assertEquals(List.of("N_A/D_A", "N_A/D_B", "N_B/D_A", "N_B/D_B"), cases.stream().map(c -> c.network() + "/" + c.data()).toList());
    for (SreehariMnistReproduction.Case c : cases) {
      assertEquals(c.data().equals("D_A") ? kept : kept - removed, c.trainImages(), c.toString());
      assertTrue(c.nis() >= 0 && c.nis() <= 1 && c.dis() >= 0 && c.dis() <= 1, c.toString());
      assertEquals(AutoencoderCard.DECODER_FORMAT, AutoencoderCard.read(Path.of(out, "models", c.runId() + "-decoder")).format());
      var codes = TestSpark.get().read().parquet(out + "/datasets/" + c.runId() + "-codes");
      assertEquals(c.trainImages() + 150 - kept, codes.count(), "training and reference codes");
      assertEquals(2, codes.first().getList(codes.first().fieldIndex("features")).size());
      assertEquals("mc", TestSpark.get().read().parquet(out + "/latent_summary/run_id=" + c.runId()).first().getAs("totals_from"));
    }
    assertEquals(4, TestSpark.get().read().parquet(out + "/runs").where("job = 'latent-geometry' AND status = 'SUCCEEDED'").count());
  }

  @Test
  void repeatsAverageEachCaseOverTheSeeds() {
    List<SreehariMnistReproduction.Case> cases = List.of(
        new SreehariMnistReproduction.Case(1, "N_A", "D_A", 10, "a1", 0.2, 0.1, -0.5, "AdS", null, null, null, 0.04, List.of(), null, null, null),
        new SreehariMnistReproduction.Case(1, "N_A", "D_B", 8, "b1", 0.3, 0.2, -0.1, "AdS", null, null, null, 0.04, List.of(), null, null, null),
        new SreehariMnistReproduction.Case(2, "N_A", "D_A", 10, "a2", 0.4, 0.3, -0.7, "AdS", null, null, null, 0.04, List.of(), null, null, null),
        new SreehariMnistReproduction.Case(2, "N_A", "D_B", 8, "b2", 0.3, 0.6, 0.1, "dS", null, null, null, 0.04, List.of(), null, null, null));
    List<SreehariMnistReproduction.Repeat> r = SreehariMnistReproduction.repeats(cases);
    assertEquals(List.of("D_A", "D_B"), r.stream().map(SreehariMnistReproduction.Repeat::data).toList());
    assertEquals(2, r.get(0).seeds());
    assertEquals(0.3, r.get(0).nisMean(), 1e-12);
    assertEquals(Math.sqrt(0.02), r.get(0).nisSd(), 1e-12, "sample sd of 0.2 and 0.4");
    assertEquals(0.4, r.get(1).disMean(), 1e-12);
    assertEquals(Math.sqrt(0.08), r.get(1).disSd(), 1e-12);
    assertEquals(-0.6, r.get(0).lambdaMean(), 1e-12);
    assertEquals(0, r.get(1).nisSd(), 1e-12);
    for (var bad : List.<java.util.function.Supplier<SreehariMnistConfig>>of(
        () -> ConfigLoader.of(SreehariMnistConfig.class, "images", "i", "labels", "l", "test_images", "ti", "test_labels", "tl", "output", "o", "seeds", List.of(1L, 1L)),
        () -> ConfigLoader.of(SreehariMnistConfig.class, "images", "i", "labels", "l", "test_images", "ti", "test_labels", "tl", "output", "o", "mass_min_local", 2.0))) {
      io.tessera.TesseraException e = org.junit.jupiter.api.Assertions.assertThrows(io.tessera.TesseraException.class, bad::get);
      assertTrue(e.getMessage().contains("seeds must list distinct") || e.getMessage().contains("mass_min_local"), e.getMessage());
    }
  }

  /** 16 x 16 IDX images: a bright bar whose row is the label, plus seeded noise, so that features and codes spread. */
  private static byte[] digits(int[] labels, long seed) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
    out.writeInt(0x803);
    out.writeInt(labels.length);
    out.writeInt(16);
    out.writeInt(16);
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    for (int label : labels) {
      for (int p = 0; p < 256; p++) {
        int bar = p / 16 == label + 3 ? 180 : 0;
        out.writeByte(Math.min(255, bar + random.nextInt(70)));
      }
    }
    return bytes.toByteArray();
  }
}
