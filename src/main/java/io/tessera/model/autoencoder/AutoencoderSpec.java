package io.tessera.model.autoencoder;

import io.tessera.TesseraException;
import io.tessera.math.latent.SmoothActivation;
import io.tessera.model.DevicePolicy;
import java.util.List;

/** What to train: an MLP autoencoder with a smooth activation, and how. */
public record AutoencoderSpec(
    String modelId, int latentDim, List<Integer> hidden, SmoothActivation activation, SmoothActivation outputActivation, int epochs,
    int batchSize, double learningRate, long seed, DevicePolicy device, String datasetName) {
  public AutoencoderSpec {
    if (latentDim < 1 || hidden.stream().anyMatch(w -> w < 1) || epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
      throw new TesseraException("autoencoder needs latent_dim, widths, epochs and batch size >= 1 and a positive learning rate");
    }
    if (activation == SmoothActivation.IDENTITY) {
      throw new TesseraException("the hidden activation must be smooth and nonlinear: tanh, sigmoid, softplus or elu");
    }
    if (outputActivation != SmoothActivation.IDENTITY && outputActivation != SmoothActivation.SIGMOID) {
      throw new TesseraException("the output activation is identity or sigmoid, got " + outputActivation.displayName());
    }
  }
}
