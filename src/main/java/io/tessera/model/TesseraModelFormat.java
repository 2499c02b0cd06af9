package io.tessera.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.SequentialBlock;
import io.tessera.TesseraException;
import io.tessera.math.MlpWeights;
import java.io.IOException;
import java.nio.file.Path;

/** Tessera's own model directory: {@code model-card.json} plus the DJL parameter file {@code mlp-0000.params}. */
public final class TesseraModelFormat {
  static final String PARAMS_NAME = "mlp";

  private TesseraModelFormat() {}

  public static ReluMlpNetwork load(Path dir, Device device) {
    ModelCard card = ModelCard.read(dir);
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

  /** The release written into model cards and the runs table. */
  public static String tesseraVersion() {
    String v = TesseraModelFormat.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
