package io.tessera.jobs.topology;

import io.tessera.EnumNames;
import java.util.List;

/** The metric families {@code sample-metrics} can compute, and the sample_metrics columns each fills. */
public enum SampleMetric {
  /** Exact empirical W2 by linear assignment. */
  W2("w2"),
  /** Fréchet distance between fitted Gaussians (FID's formula on the raw coordinates or features given). */
  FD("fd"),
  /** Precision, recall, density and coverage from k-nearest-neighbour balls. */
  PRDC("precision", "recall", "density", "coverage"),
  /** Adjacency spectral distance of the two k-NN graphs, symmetrised and directed. */
  SPECTRAL("knn_spectral", "knn_spectral_directed"),
  /** Shukla's smoothed 1-NN graph divergence: T and its standardised value under relabelling. */
  GRAPH_DIVERGENCE("graph_divergence", "graph_divergence_z"),
  /** Wasserstein distances between the H0 and H1 persistence diagrams of subsamples. */
  DIAGRAMS("diagram_w1_h0", "diagram_w2_h0", "diagram_w1_h1", "diagram_w2_h1");

  private final List<String> columns;

  SampleMetric(String... columns) {
    this.columns = List.of(columns);
  }

  public List<String> columns() {
    return columns;
  }

  public static SampleMetric parse(String name) {
    return EnumNames.parse(SampleMetric.class, name, "sample metric");
  }
}
