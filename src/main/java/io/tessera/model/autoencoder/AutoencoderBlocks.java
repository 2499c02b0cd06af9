package io.tessera.model.autoencoder;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import io.tessera.math.MlpWeights;
import io.tessera.math.latent.SmoothActivation;
import io.tessera.math.latent.SmoothMlpJets;
import io.tessera.model.classifier.MlpBlocks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** The DJL blocks of an MLP autoencoder and the float64 decoder read back from them. */
final class AutoencoderBlocks {
  private AutoencoderBlocks() {}

  /** [encoder, decoder] as one block: inputDim - hidden - latent - reversed hidden - inputDim. */
  static SequentialBlock build(int inputDim, int latentDim, List<Integer> hidden, SmoothActivation activation, SmoothActivation output) {
    return new SequentialBlock().add(MlpBlocks.build(hidden, latentDim, djl(activation)))
        .add(decoderOnly(inputDim, reversed(hidden), activation, output));
  }

  /** A decoder alone: latent - hidden - dataDim. */
  static SequentialBlock decoderOnly(int dataDim, List<Integer> hidden, SmoothActivation activation, SmoothActivation output) {
    SequentialBlock decoder = MlpBlocks.build(hidden, dataDim, djl(activation));
    if (output != SmoothActivation.IDENTITY) {
      decoder.add(djl(output));
    }
    return decoder;
  }

  static SequentialBlock encoder(SequentialBlock autoencoder) {
    return (SequentialBlock) autoencoder.getChildren().get(0).getValue();
  }

  static SequentialBlock decoder(SequentialBlock autoencoder) {
    return (SequentialBlock) autoencoder.getChildren().get(1).getValue();
  }

  /** A trained decoder block in float64, for exact jets. */
  static SmoothMlpJets jets(SequentialBlock decoder, SmoothActivation activation, SmoothActivation output) {
    MlpWeights w = MlpBlocks.weightsOf(decoder);
    double[][][] weights = new double[w.layers()][][];
    double[][] biases = new double[w.layers()][];
    List<SmoothActivation> activations = new ArrayList<>();
    for (int l = 0; l < w.layers(); l++) {
      weights[l] = w.weight(l);
      biases[l] = w.bias(l);
      activations.add(l == w.layers() - 1 ? output : activation);
    }
    return new SmoothMlpJets(weights, biases, activations);
  }

  private static List<Integer> reversed(List<Integer> hidden) {
    List<Integer> r = new ArrayList<>(hidden);
    Collections.reverse(r);
    return r;
  }

  private static Function<NDList, NDList> djl(SmoothActivation a) {
    return switch (a) {
      case TANH -> Activation::tanh;
      case SIGMOID -> Activation::sigmoid;
      case SOFTPLUS -> Activation::softPlus;
      case ELU -> x -> Activation.elu(x, 1f);
      case IDENTITY -> x -> x;
    };
  }
}
