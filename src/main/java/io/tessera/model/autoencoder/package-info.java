/**
 * Autoencoders and decoders for latent geometry: smooth MLPs trained through DJL, with float64 decoders that give
 * exact jets. May use {@code model}, {@code model.classifier} and {@code math}.
 */
package io.tessera.model.autoencoder;
