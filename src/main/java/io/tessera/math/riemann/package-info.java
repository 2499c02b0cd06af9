/**
 * Intrinsic curvature on arrays: the Ricci tensor and scalar curvature of a metric from its
 * Christoffel symbols, for metrics given in closed form or pulled back by a decoder's jets
 * (docs/methods/latent-curvature.md, The Ricci route). No Spark, no DJL.
 */
package io.tessera.math.riemann;
