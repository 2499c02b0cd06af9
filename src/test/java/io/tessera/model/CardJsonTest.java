package io.tessera.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.TesseraException;
import io.tessera.model.classifier.ModelCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model cards keep flat keys with the training record unwrapped, read back equal, and refuse keys they do not know. */
class CardJsonTest {
  private static final ModelCard CARD = new ModelCard(ModelCard.FORMAT, "m1", ModelCard.Task.CLASSIFICATION, 2, List.of(4), 3, "relu", 5,
      new TrainingRecord("blobs", 100, 7, 16, 0.01, Map.of("train_accuracy", 0.9), Map.of("djl", "2.5.1", "tessera", "dev"),
          "2026-12-07T00:00:00Z"), null, null);

  @Test
  void theTrainingRecordIsWrittenFlatAndReadsBackEqual(@TempDir Path dir) throws Exception {
    CARD.write(dir);
    var tree = CardJson.tree(dir);
    for (String key : List.of("format", "model_id", "epochs", "dataset", "rows", "seed", "batch_size", "learning_rate", "metrics",
        "versions", "created_at")) {
      assertTrue(tree.has(key), key + " in " + tree);
    }
    assertFalse(tree.has("training"), tree.toString());
    assertEquals(CARD, ModelCard.read(dir));
  }

  @Test
  void anUnknownKeyIsACorruptCardEvenBesideAnUnwrappedBlock(@TempDir Path dir) throws Exception {
    CARD.write(dir);
    ObjectNode tree = (ObjectNode) CardJson.tree(dir);
    tree.put("learning_rte", 0.1);
    Files.writeString(dir.resolve(CardJson.FILE_NAME), tree.toString());
    TesseraException e = assertThrows(TesseraException.class, () -> ModelCard.read(dir));
    assertTrue(e.getMessage().contains("unknown key 'learning_rte'") && e.getMessage().contains(CardJson.FILE_NAME), e.getMessage());
  }
}
