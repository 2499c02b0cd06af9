/**
 * The topology and sample-metric jobs: {@code persistence} (Vietoris–Rips diagrams and Betti
 * numbers of point clouds) and {@code sample-metrics} (W2, Fréchet distance, density and coverage,
 * spectral, graph and diagram distances between two samples), one Spark task per (cloud or
 * comparison, repeat). Uses math.topology, math.metrics, data and run.
 */
package io.tessera.jobs.topology;
