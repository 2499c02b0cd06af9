package io.tessera.model.classifier;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.TesseraException;
import io.tessera.model.CardJson;
import io.tessera.model.TrainingRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON card saved next to every model Tessera trains: what it is, what it saw, how it was
 * trained and how well it did. Loading a model reads the architecture from here: a ReLU MLP
 * ({@link #FORMAT}), or with {@link #CNN_FORMAT} convolution layers (conv_filters, 5x5, each
 * followed by 2x2 max-pooling and ReLU) on single-channel images of input_shape [1, side, side]
 * before the dense layers.
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
    int epochs,
    @JsonUnwrapped TrainingRecord training,
    List<Integer> convFilters,
    List<Integer> inputShape) {

  public static final String FORMAT = "tessera-mlp-v1";
  public static final String CNN_FORMAT = "tessera-cnn-v1";

  public enum Task {
    @JsonProperty("regression")
    REGRESSION,
    @JsonProperty("classification")
    CLASSIFICATION
  }

  public boolean convolutional() {
    return CNN_FORMAT.equals(format);
  }

  public void write(Path dir) throws IOException {
    CardJson.write(dir, this);
  }

  public static ModelCard read(Path dir) {
    Path file = dir.resolve(CardJson.FILE_NAME);
    JsonNode tree = CardJson.tree(dir);
    String format = tree.path("format").asText();
    if (!FORMAT.equals(format) && !CNN_FORMAT.equals(format)) {
      throw new TesseraException("model card " + file + " has format '" + format + "', expected " + FORMAT + " or " + CNN_FORMAT);
    }
    ModelCard card = CardJson.read(dir, tree, ModelCard.class);
    boolean convolutional = card.convFilters() != null && !card.convFilters().isEmpty();
    if (convolutional != CNN_FORMAT.equals(card.format()) || convolutional != (card.inputShape() != null)) {
      throw new TesseraException("model card " + file + ": format " + card.format()
          + " does not match its conv_filters and input_shape (both set for " + CNN_FORMAT + ", neither for " + FORMAT + ")");
    }
    return card;
  }
}
