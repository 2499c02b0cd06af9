/**
 * Convolutions that are checked before use: the engine's kernel or a matrix-product kernel, chosen per device by a
 * self-check against the float64 reference (docs/platforms.md). May use {@code model} and {@code math}.
 */
package io.tessera.model.conv;
