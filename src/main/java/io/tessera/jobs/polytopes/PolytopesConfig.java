package io.tessera.jobs.polytopes;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tessera.TesseraException;
import io.tessera.config.ConfigChecks;
import io.tessera.config.DatasetJobConfig;
import io.tessera.config.DatasetJobOptions;
import java.util.List;

/**
 * Settings of the {@code polytopes} job (see conf/polytopes.yaml).
 *
 * @param common input, model, output, partitions, device, run_id, quarantine, splits, ids and where
 *     (DatasetJobOptions)
 * @param samplesPerSplit measure this many seeded-random samples of each split; 0 measures all
 * @param seed the seed of that choice
 * @param box optional [lo, hi]: the Chebyshev ball is kept inside [lo, hi]^m, so unbounded regions
 *     get finite radii (for images, the pixel range)
 * @param maxSecondsPerSample optional: a sample whose region takes longer goes to _rejects with the
 *     reason "time limit" and the seconds spent, and the others complete; off when absent
 * @param facets false skips the facets (active_bits and num_active stay NULL): one Chebyshev LP
 *     per sample instead of a facet computation, for radius-only protocols (Liu Tables 6 and 7)
 */
public record PolytopesConfig(
    @JsonUnwrapped DatasetJobOptions common,
    Integer samplesPerSplit,
    Long seed,
    List<Double> box,
    Double maxSecondsPerSample,
    Boolean facets) implements DatasetJobConfig {

  public PolytopesConfig {
    samplesPerSplit = samplesPerSplit == null ? 0 : samplesPerSplit;
    seed = seed == null ? 0L : seed;
    facets = facets == null || facets;
    if (maxSecondsPerSample != null && !(maxSecondsPerSample > 0)) {
      throw new TesseraException("max_seconds_per_sample must be > 0 (leave it out for no limit), got " + maxSecondsPerSample);
    }
    if (samplesPerSplit < 0) {
      throw new TesseraException("samples_per_split must be >= 0 (0 measures every sample), got " + samplesPerSplit);
    }
    if (box != null) {
      ConfigChecks.box(box);
    }
  }
}
