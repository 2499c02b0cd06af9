package io.tessera.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.SequentialBlock;
import io.tessera.TesseraException;
import io.tessera.math.MlpWeights;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Tessera's own model directory: {@code model-card.json} plus the DJL parameter file
 * {@code mlp-0000.params} (the name predates CNNs, which use the same file).
 */
public final class TesseraModelFormat {
  static final String PARAMS_NAME = "mlp";

  private TesseraModelFormat() {}

  /** The network of a model directory, MLP or CNN. */
  public static Network open(Path dir, Device device) {
    ModelCard card = ModelCard.read(dir);
    return card.convolutional() ? loadConv(dir, card, device) : loadMlp(dir, card, device);
  }

  /** A ReLU MLP; a CNN directory is refused with the reason. */
  public static ReluMlpNetwork load(Path dir, Device device) {
    ModelCard card = ModelCard.read(dir);
    if (card.convolutional()) {
      throw new TesseraException("model " + dir + " is a convolutional network; this needs a ReLU MLP (dense layers only)");
    }
    return loadMlp(dir, card, device);
  }

  private static ReluMlpNetwork loadMlp(Path dir, ModelCard card, Device device) {
    SequentialBlock block = MlpBlocks.build(card.hidden(), card.outputDim());
    try (Model model = Model.newInstance(PARAMS_NAME, Device.cpu(), DjlRuntime.ENGINE)) {
      model.setBlock(block);
      model.load(dir, PARAMS_NAME);
      MlpWeights weights = MlpBlocks.weightsOf(block);
      if (weights.inputDim() != card.inputDim()) {
        throw new TesseraException(
            "model " + dir + ": parameters take " + weights.inputDim() + " inputs but the card says " + card.inputDim());
      }
      return new ReluMlpNetwork(card.modelId(), weights, device);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      if (e instanceof TesseraException te) {
        throw te;
      }
      throw new TesseraException("corrupt model parameters in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static TrainedBlockNetwork loadConv(Path dir, ModelCard card, Device device) {
    int side = ConvBlocks.side(card.inputDim(), card.convFilters());
    Model model = Model.newInstance(PARAMS_NAME, device, DjlRuntime.ENGINE);
    try {
      model.setBlock(ConvBlocks.build(side, card.convFilters(), card.hidden(), card.outputDim()));
      model.load(dir, PARAMS_NAME);
      TrainedBlockNetwork network = new TrainedBlockNetwork(card.modelId(), model, card.inputDim(), device);
      if (network.outputDim() != card.outputDim()) {
        network.close();
        throw new TesseraException("model " + dir + ": the network has " + network.outputDim() + " outputs but the card says " + card.outputDim());
      }
      return network;
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      if (e instanceof TesseraException te) {
        throw te;
      }
      throw new TesseraException("corrupt model parameters in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The release written into model cards and the runs table. */
  public static String tesseraVersion() {
    String v = TesseraModelFormat.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
