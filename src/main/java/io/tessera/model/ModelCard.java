package io.tessera.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tessera.TesseraException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The JSON card saved next to every model Tessera trains: what it is, what it saw, how it was
 * trained and how well it did. Loading a model reads the architecture from here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelCard(
    @JsonProperty(required = true) String format,
    @JsonProperty(required = true) String modelId,
    @JsonProperty(required = true) Task task,
    @JsonProperty(required = true) int inputDim,
    @JsonProperty(required = true) List<Integer> hidden,
    @JsonProperty(required = true) int outputDim,
    String activation,
    String dataset,
    long rows,
    long seed,
    int epochs,
    int batchSize,
    double learningRate,
    Map<String, Double> metrics,
    Map<String, String> versions,
    String createdAt) {

  public static final String FILE_NAME = "model-card.json";
  public static final String FORMAT = "tessera-mlp-v1";

  public enum Task {
    @JsonProperty("regression")
    REGRESSION,
    @JsonProperty("classification")
    CLASSIFICATION
  }

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public void write(Path dir) throws IOException {
    JSON.writeValue(dir.resolve(FILE_NAME).toFile(), this);
  }

  public static ModelCard read(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    try {
      ModelCard card = JSON.readValue(Files.readAllBytes(file), ModelCard.class);
      if (!FORMAT.equals(card.format())) {
        throw new TesseraException("model card " + file + " has format '" + card.format() + "', expected " + FORMAT);
      }
      return card;
    } catch (IOException e) {
      throw new TesseraException("corrupt model card " + file + ": " + e.getMessage(), e);
    }
  }
}
