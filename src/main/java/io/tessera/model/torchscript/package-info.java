/**
 * Models traced elsewhere and loaded as TorchScript: classifiers and float64 decoders. May use {@code model} and
 * {@code model.autoencoder}.
 */
package io.tessera.model.torchscript;
