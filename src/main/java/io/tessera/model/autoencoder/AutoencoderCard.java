package io.tessera.model.autoencoder;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tessera.model.CardJson;
import io.tessera.model.TrainingRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    int epochs,
    @JsonUnwrapped TrainingRecord training) {

  public static final String FORMAT = "tessera-autoencoder-v1";
  public static final String DECODER_FORMAT = "tessera-decoder-v1";
  static final String PARAMS_NAME = "autoencoder";

  public void write(Path dir) throws IOException {
    CardJson.write(dir, this);
  }

  /** The format a model directory's card names, or null without a card. */
  public static String format(Path dir) {
    return Files.exists(dir.resolve(CardJson.FILE_NAME)) ? CardJson.tree(dir).path("format").asText() : null;
  }

  public static AutoencoderCard read(Path dir) {
    return CardJson.read(dir, CardJson.tree(dir), AutoencoderCard.class);
  }
}
