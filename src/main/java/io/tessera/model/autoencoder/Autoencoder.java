package io.tessera.model.autoencoder;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import io.tessera.math.latent.SmoothActivation;
import io.tessera.math.latent.SmoothMlpJets;
import io.tessera.model.DjlRuntime;
import io.tessera.model.classifier.TesseraModelFormat;
import java.nio.file.Path;

/**
 * A trained MLP autoencoder: the encoder runs in DJL (float32, batched), the decoder's weights are
 * read back in float64 for exact jets and decoding, so curvature never sees float32 rounding.
 */
public final class Autoencoder {
  private final AutoencoderCard card;
  private final Model model; // never closed: like every cached model, it lives as long as its executor
  private final SequentialBlock encoder;
  private final SmoothMlpJets decoder;
  private final Device device;

  private Autoencoder(AutoencoderCard card, Model model, Device device) {
    this.card = card;
    this.model = model;
    this.device = device;
    SequentialBlock block = (SequentialBlock) model.getBlock();
    this.encoder = AutoencoderBlocks.encoder(block);
    this.decoder = AutoencoderBlocks.jets(AutoencoderBlocks.decoder(block), SmoothActivation.parse(card.activation()),
        SmoothActivation.parse(card.outputActivation()));
  }

  public static Autoencoder load(Path dir, Device device) {
    AutoencoderCard card = AutoencoderCard.read(dir);
    SequentialBlock block = AutoencoderBlocks.build(card.inputDim(), card.latentDim(), card.hidden(), SmoothActivation.parse(card.activation()),
        SmoothActivation.parse(card.outputActivation()));
    Model model = TesseraModelFormat.loadParameters(dir, AutoencoderCard.PARAMS_NAME, block, device);
    return new Autoencoder(card, model, device);
  }

  /** A decoder Tessera trained alone on given codes (format tessera-decoder-v1). */
  public static LatentDecoder loadDecoder(Path dir, Device device) {
    AutoencoderCard card = AutoencoderCard.read(dir);
    SmoothActivation activation = SmoothActivation.parse(card.activation());
    SmoothActivation output = SmoothActivation.parse(card.outputActivation());
    SequentialBlock block = AutoencoderBlocks.decoderOnly(card.inputDim(), card.hidden(), activation, output);
    try (Model model = TesseraModelFormat.loadParameters(dir, AutoencoderCard.PARAMS_NAME, block, device)) {
      return decoder(card.modelId(), AutoencoderBlocks.jets(block, activation, output));
    }
  }

  public AutoencoderCard card() {
    return card;
  }

  /** Codes of {@code rows} inputs, row-major. */
  public double[][] encode(float[] inputs, int rows) {
    try (NDManager scope = NDManager.newBaseManager(device, DjlRuntime.ENGINE)) {
      NDArray x = scope.create(inputs, new Shape(rows, card.inputDim()));
      float[] z = encoder.forward(new ParameterStore(scope, false), new NDList(x), false).singletonOrThrow().toFloatArray();
      double[][] codes = new double[rows][card.latentDim()];
      for (int r = 0; r < rows; r++) {
        for (int k = 0; k < card.latentDim(); k++) {
          codes[r][k] = z[r * card.latentDim() + k];
        }
      }
      return codes;
    }
  }

  public LatentDecoder decoder() {
    return decoder(card.modelId(), decoder);
  }

  private static LatentDecoder decoder(String id, SmoothMlpJets decoder) {
    return new LatentDecoder() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public int latentDim() {
        return decoder.latentDim();
      }

      @Override
      public int ambientDim() {
        return decoder.ambientDim();
      }

      @Override
      public double[][] decode(double[][] z) {
        double[][] out = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
          out[i] = decoder.decode(z[i]);
        }
        return out;
      }

      @Override
      public SmoothMlpJets exactJets() {
        return decoder;
      }
    };
  }
}
