/**
 * {@code tessera train}, {@code train-diffusion} and {@code train-autoencoder}.
 */
package io.tessera.cli.train;
