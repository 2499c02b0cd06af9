/**
 * Distances between two samples of points, on arrays (no Spark, no DJL): exact linear assignment and
 * the empirical W2 it gives, the Fréchet distance between fitted Gaussians, precision, recall,
 * density and coverage from k-nearest-neighbour balls, the Wasserstein distance between persistence
 * diagrams, the spectral distance between k-nearest-neighbour graphs, Shukla's graph divergence with
 * its exact null moments, and the pooled t-test over repeats (docs/methods/sample-metrics.md).
 */
package io.tessera.math.metrics;
