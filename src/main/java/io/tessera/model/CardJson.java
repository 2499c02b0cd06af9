package io.tessera.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tessera.RecordKeys;
import io.tessera.TesseraException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

/** How every model card (model-card.json) is written and read: snake_case keys, indented, unknown keys refused. */
public final class CardJson {
  public static final String FILE_NAME = "model-card.json";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private CardJson() {}

  public static void write(Path dir, Object card) throws IOException {
    MAPPER.writeValue(dir.resolve(FILE_NAME).toFile(), card);
  }

  /** The card of the model in {@code dir} as a JSON tree. */
  public static JsonNode tree(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    try {
      return MAPPER.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw corrupt(file, e.getMessage(), e);
    }
  }

  /** The card as {@code type}; a key the type does not know, or a missing or mistyped one, is a corrupt card. */
  public static <T> T read(Path dir, JsonNode tree, Class<T> type) {
    Path file = dir.resolve(FILE_NAME);
    Set<String> known = RecordKeys.of(type);
    for (Iterator<String> keys = tree.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!known.contains(key)) {
        throw corrupt(file, "unknown key '" + key + "'", null);
      }
    }
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (IOException e) {
      throw corrupt(file, e.getMessage(), e);
    }
  }

  private static TesseraException corrupt(Path file, String reason, Exception cause) {
    return new TesseraException("corrupt model card " + file + ": " + reason, cause);
  }
}
