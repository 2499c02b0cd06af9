package io.tessera.model.classifier;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import io.tessera.ModelException;
import io.tessera.TesseraException;
import io.tessera.math.MlpWeights;
import io.tessera.model.DjlRuntime;
import io.tessera.model.Network;
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

  /** The penultimate-layer features of a classifier's model directory, MLP or CNN. */
  public static FeatureEncoder features(Path dir, Device device) {
    ModelCard card = ModelCard.read(dir);
    if (card.task() != ModelCard.Task.CLASSIFICATION || card.hidden().isEmpty()) {
      throw new ModelException("model " + dir + " cannot encode features: it needs a classifier with at least one hidden dense layer");
    }
    return card.convolutional() ? PenultimateFeatures.of(loadConv(dir, card, device)) : PenultimateFeatures.of(loadMlp(dir, card, device));
  }

  /** A ReLU MLP; a CNN directory is refused with the reason. */
  public static ReluMlpNetwork load(Path dir, Device device) {
    ModelCard card = ModelCard.read(dir);
    if (card.convolutional()) {
      throw new ModelException("model " + dir + " is a convolutional network; this needs a ReLU MLP (dense layers only)");
    }
    return loadMlp(dir, card, device);
  }

  private static ReluMlpNetwork loadMlp(Path dir, ModelCard card, Device device) {
    SequentialBlock block = MlpBlocks.build(card.hidden(), card.outputDim());
    try (Model model = loadParameters(dir, PARAMS_NAME, block, Device.cpu())) {
      MlpWeights weights = MlpBlocks.weightsOf(block);
      if (weights.inputDim() != card.inputDim()) {
        throw new ModelException(
            "model " + dir + ": parameters take " + weights.inputDim() + " inputs but the card says " + card.inputDim());
      }
      return new ReluMlpNetwork(card.modelId(), weights, device);
    }
  }

  private static TrainedBlockNetwork loadConv(Path dir, ModelCard card, Device device) {
    int side = ConvBlocks.side(card.inputDim(), card.convFilters());
    Model model = loadParameters(dir, PARAMS_NAME, ConvBlocks.build(side, card.convFilters(), card.hidden(), card.outputDim()), device);
    return network(dir, model, card.modelId(), card.inputDim(), card.outputDim(), device);
  }

  /** A DJL model of {@code block} with the parameters saved as {@code name} in {@code dir}; failures name the directory. */
  public static Model loadParameters(Path dir, String name, Block block, Device device) {
    Model model = Model.newInstance(name, device, DjlRuntime.ENGINE);
    try {
      model.setBlock(block);
      model.load(dir, name);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw new ModelException("corrupt model parameters in " + dir + ": " + e.getMessage(), e);
    }
    for (var parameter : block.getParameters()) {
      // A plain scan of the copied values: engine-side checks would leave their results on the model's manager.
      float[] values = parameter.getValue().getArray().toFloatArray();
      if (!java.util.stream.IntStream.range(0, values.length).allMatch(k -> Float.isFinite(values[k]))) {
        model.close();
        throw new ModelException("model parameters in " + dir + ": " + parameter.getKey()
            + " holds NaN or infinite values (saved from a diverged training?)");
      }
    }
    return model;
  }

  /** A loaded model as a network, checked to have the card's {@code outputs}; one that cannot run is corrupt. */
  public static TrainedBlockNetwork network(Path dir, Model model, String id, int inputDim, int outputs, Device device) {
    TrainedBlockNetwork network;
    try {
      network = new TrainedBlockNetwork(id, model, inputDim, device);
    } catch (TesseraException e) {
      model.close();
      throw e;
    } catch (RuntimeException e) {
      model.close();
      throw new ModelException("corrupt model parameters in " + dir + ": " + e.getMessage(), e);
    }
    if (network.outputDim() != outputs) {
      network.close();
      throw new ModelException("model " + dir + ": the network has " + network.outputDim() + " outputs but the card says " + outputs);
    }
    return network;
  }
}
