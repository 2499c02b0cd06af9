package io.tessera.model.autoencoder;

/** A decoder for latent geometry, with the autoencoder it belongs to (null for a bare TorchScript decoder). */
public record LatentModel(LatentDecoder decoder, Autoencoder autoencoder) {}
