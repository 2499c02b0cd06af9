package io.tessera.model.diffusion;

import com.fasterxml.jackson.annotation.JsonInclude;
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
    String dataset,
    long rows,
    long seed,
    int iterations,
    int batchSize,
    double learningRate,
    Map<String, Double> metrics,
    Map<String, String> versions,
    String createdAt) {

  public static final String FORMAT = "tessera-ddpm-v1";
  public static final String SCHEDULE = "scaled-linear";

  private static final ObjectMapper JSON = CardJson.MAPPER;

  /** The card of a freshly trained model. */
  static DiffusionCard of(String modelId, int dataDim, EpsNetwork network, int timeEmbedding, int steps, String dataset, long rows,
      long seed, int iterations, int batchSize, double learningRate, Map<String, Double> metrics, Map<String, String> versions,
      String createdAt) {
    boolean mlp = EpsNetwork.MLP.equals(network.kind());
    return new DiffusionCard(FORMAT, modelId, dataDim, network.kind(), mlp ? network.sizes() : null, mlp ? null : network.sizes(),
        timeEmbedding, SCHEDULE, steps, dataset, rows, seed, iterations, batchSize, learningRate, metrics, versions, createdAt);
  }

  /** The eps-network's architecture; a card without {@code network} describes an MLP. */
  public EpsNetwork epsNetwork() {
    return network == null || EpsNetwork.MLP.equals(network) ? EpsNetwork.mlp(hidden) : new EpsNetwork(network, channels);
  }

  public void write(Path dir) throws IOException {
    JSON.writeValue(dir.resolve(ModelCard.FILE_NAME).toFile(), this);
  }

  public static DiffusionCard read(Path dir) {
    Path file = dir.resolve(ModelCard.FILE_NAME);
    try {
      String format = JSON.readTree(Files.readAllBytes(file)).path("format").asText();
      if (!FORMAT.equals(format)) {
        throw new TesseraException("model " + dir + " has format '" + format + "', not a Tessera diffusion model (" + FORMAT
            + "); train one with tessera train-diffusion");
      }
      DiffusionCard card = JSON.readValue(Files.readAllBytes(file), DiffusionCard.class);
      if (!SCHEDULE.equals(card.schedule())) {
        throw new TesseraException("model card " + file + ": unknown schedule '" + card.schedule() + "', expected " + SCHEDULE);
      }
      card.epsNetwork();
      return card;
    } catch (IOException e) {
      throw new TesseraException("corrupt model card " + file + ": " + e.getMessage(), e);
    }
  }
}
