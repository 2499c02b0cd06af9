/**
 * Distances between two samples of points, on arrays (no Spark, no DJL): exact linear assignment and
 * the empirical W2 it gives, the Fréchet distance between fitted Gaussians, precision, recall,
 * density and coverage from k-nearest-neighbour balls, the Wasserstein distance between persistence
 * diagrams and the spectral distance between k-nearest-neighbour graphs
 * (docs/methods/sample-metrics.md).
 */
package io.tessera.math.metrics;
