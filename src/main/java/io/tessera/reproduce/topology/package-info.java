/**
 * Jin et al.'s "data topology vs generative model" experiment on point clouds with known topology:
 * train a DDPM per manifold, sample it, and compare the samples with fresh ground truth through
 * the sample-metrics and persistence jobs (docs/reproductions/jin-topology.md). Uses jobs, data,
 * training and run.
 */
package io.tessera.reproduce.topology;
