/**
 * Distances between two samples of points, on arrays (no Spark, no DJL): exact linear assignment and
 * the empirical W2 it gives, the Fréchet distance between fitted Gaussians, and density, coverage,
 * precision and recall from k-nearest-neighbour balls (docs/methods/sample-metrics.md).
 */
package io.tessera.math.metrics;
