/**
 * Latent-space geometry on arrays: pullback metrics, curvature by exact jets or checked finite differences, kernel
 * densities, run totals and mass-like points (docs/methods/latent-curvature.md). No Spark, no DJL.
 */
package io.tessera.math.latent;
