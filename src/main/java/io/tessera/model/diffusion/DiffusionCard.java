package io.tessera.model.diffusion;

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
 * The card of a DDPM that Tessera trained (file model-card.json, format tessera-ddpm-v1): the
 * eps-network ({@link EpsNetwork}: {@code network} "mlp" with {@code hidden} widths, the default
 * for cards without the field, or "unet" with {@code channels} per level) runs on [x_t,
 * sinusoidal embedding of t]; the schedule is scaled-linear with {@code steps} steps (see
 * {@link io.tessera.math.diffusion.NoiseSchedule}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiffusionCard(
    @JsonProperty(required = true) String format,
    @JsonProperty(required = true) String modelId,
    @JsonProperty(required = true) int dataDim,
    String network,
    List<Integer> hidden,
    List<Integer> channels,
    @JsonProperty(required = true) int timeEmbedding,
    @JsonProperty(required = true) String schedule,
    @JsonProperty(required = true) int steps,
    int iterations,
    @JsonUnwrapped TrainingRecord training) {

  public static final String FORMAT = "tessera-ddpm-v1";
  public static final String SCHEDULE = "scaled-linear";

  /** The card of a freshly trained model. */
  static DiffusionCard of(String modelId, int dataDim, EpsNetwork network, int timeEmbedding, int steps, int iterations,
      TrainingRecord training) {
    boolean mlp = EpsNetwork.MLP.equals(network.kind());
    return new DiffusionCard(FORMAT, modelId, dataDim, network.kind(), mlp ? network.sizes() : null, mlp ? null : network.sizes(),
        timeEmbedding, SCHEDULE, steps, iterations, training);
  }

  /** The eps-network's architecture; a card without {@code network} describes an MLP. */
  public EpsNetwork epsNetwork() {
    return network == null || EpsNetwork.MLP.equals(network) ? EpsNetwork.mlp(hidden) : new EpsNetwork(network, channels);
  }

  public void write(Path dir) throws IOException {
    CardJson.write(dir, this);
  }

  public static DiffusionCard read(Path dir) {
    JsonNode tree = CardJson.tree(dir);
    String format = tree.path("format").asText();
    if (!FORMAT.equals(format)) {
      throw new TesseraException("model " + dir + " has format '" + format + "', not a Tessera diffusion model (" + FORMAT
          + "); train one with tessera train-diffusion");
    }
    DiffusionCard card = CardJson.read(dir, tree, DiffusionCard.class);
    if (!SCHEDULE.equals(card.schedule())) {
      throw new TesseraException("model card " + dir.resolve(CardJson.FILE_NAME) + ": unknown schedule '" + card.schedule()
          + "', expected " + SCHEDULE);
    }
    card.epsNetwork();
    return card;
  }
}
