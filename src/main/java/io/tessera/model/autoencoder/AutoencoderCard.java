package io.tessera.model.autoencoder;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.TesseraException;
import io.tessera.model.CardJson;
import io.tessera.model.classifier.ModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The card of an MLP autoencoder that Tessera trained (model-card.json, format
 * tessera-autoencoder-v1): encoder inputDim - hidden - latentDim, decoder latentDim - reversed
 * hidden - inputDim, {@code activation} after every hidden layer and {@code outputActivation}
 * (identity or sigmoid) on the reconstruction. Format tessera-decoder-v1 is a decoder alone,
 * latentDim - hidden - inputDim, trained on given codes.
 */
public record AutoencoderCard(
    @JsonProperty(required = true) String format,
    @JsonProperty(required = true) String modelId,
    @JsonProperty(required = true) int inputDim,
    @JsonProperty(required = true) int latentDim,
    @JsonProperty(required = true) List<Integer> hidden,
    @JsonProperty(required = true) String activation,
    @JsonProperty(required = true) String outputActivation,
    String dataset,
    long rows,
    long seed,
    int epochs,
    int batchSize,
    double learningRate,
    Map<String, Double> metrics,
    Map<String, String> versions,
    String createdAt) {

  public static final String FORMAT = "tessera-autoencoder-v1";
  public static final String DECODER_FORMAT = "tessera-decoder-v1";
  static final String PARAMS_NAME = "autoencoder";

  private static final ObjectMapper JSON = CardJson.MAPPER;

  public void write(Path dir) throws IOException {
    JSON.writeValue(dir.resolve(ModelCard.FILE_NAME).toFile(), this);
  }

  /** The format a model directory's card names, or null without a card. */
  public static String format(Path dir) {
    Path file = dir.resolve(ModelCard.FILE_NAME);
    try {
      return Files.exists(file) ? JSON.readTree(Files.readAllBytes(file)).path("format").asText() : null;
    } catch (IOException e) {
      throw new TesseraException("corrupt model card " + file + ": " + e.getMessage(), e);
    }
  }

  public static AutoencoderCard read(Path dir) {
    Path file = dir.resolve(ModelCard.FILE_NAME);
    try {
      return JSON.readValue(Files.readAllBytes(file), AutoencoderCard.class);
    } catch (IOException e) {
      throw new TesseraException("corrupt model card " + file + ": " + e.getMessage(), e);
    }
  }
}
