package io.tessera.model.autoencoder;

import io.tessera.math.latent.SmoothMlpJets;

/** A decoder from latent points to data space, evaluated in float64 for curvature. */
public interface LatentDecoder {
  String id();

  int latentDim();

  int ambientDim();

  /** Rows of latent points to rows of decoded points. */
  double[][] decode(double[][] z);

  /** The decoder's exact jets when it is an MLP Tessera knows; null for black boxes (finite differences). */
  SmoothMlpJets exactJets();
}
