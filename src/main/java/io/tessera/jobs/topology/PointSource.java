package io.tessera.jobs.topology;

import io.tessera.ConfigException;
import io.tessera.data.SyntheticDatasets;
import java.util.List;

/**
 * Where a point cloud comes from: {@code generate}, a seeded synthetic kind drawn afresh for every
 * repeat (sphere, clifford-torus, klein-bottle, ...), or {@code dataset}, a Tessera dataset (its
 * features column, optionally some splits) subsampled without replacement for every repeat.
 */
public record PointSource(String generate, String dataset, List<String> splits) implements java.io.Serializable {

  public PointSource {
    if ((generate == null) == (dataset == null)) {
      throw new ConfigException("a point source needs exactly one of generate (a synthetic kind) or dataset (a path), got "
          + (generate == null ? "neither" : "both"));
    }
    if (generate != null) {
      SyntheticDatasets.Kind.parse(generate);
      if (splits != null) {
        throw new ConfigException("splits select rows of a dataset; the generated source '" + generate + "' has none");
      }
    }
    if (splits != null && (splits.isEmpty() || splits.contains(null))) {
      throw new ConfigException("splits, when given, must name at least one split, got " + splits);
    }
  }

  public boolean generated() {
    return generate != null;
  }

  /** How the runs table and the error messages name this source. */
  public String describe() {
    return generated() ? "generate " + generate : "dataset " + dataset + (splits == null ? "" : " splits " + splits);
  }
}
