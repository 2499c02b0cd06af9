package io.tessera.jobs.polytopes;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tessera.TesseraException;
import io.tessera.config.DatasetJobConfig;
import io.tessera.config.DatasetJobOptions;
import java.util.List;

/**
 * Settings of the {@code segment-crossings} job (see conf/segment-crossings.yaml). The pairs come
 * either from a {@code nearest_neighbours} table ({@code neighbours} + {@code metric}) or from an
 * explicit {@code pairs} list of sample ids.
 *
 * @param common input, model, output, partitions, device, run_id, quarantine, splits, ids and where
 *     (DatasetJobOptions)
 * @param maxPairs keep the first this many pairs in (a, b) order; 0 keeps all
 * @param bisection also run Algorithm 2 on every pair
 */
public record SegmentCrossingsConfig(
    @JsonUnwrapped DatasetJobOptions common,
    String neighbours,
    String metric,
    List<List<Long>> pairs,
    Integer maxPairs,
    Boolean bisection) implements DatasetJobConfig {

  public SegmentCrossingsConfig {
    metric = metric == null ? "euclidean" : metric;
    maxPairs = maxPairs == null ? 0 : maxPairs;
    bisection = bisection != null && bisection;
    if ((neighbours == null) == (pairs == null)) {
      throw new TesseraException("give either neighbours (a nearest_neighbours table) or pairs (a list of [id, id]), not both or neither");
    }
    if (pairs != null) {
      if (pairs.isEmpty()) {
        throw new TesseraException("pairs is empty: name at least one pair of sample ids");
      }
      for (List<Long> pair : pairs) {
        if (pair == null || pair.size() != 2 || pair.stream().anyMatch(java.util.Objects::isNull)) {
          throw new TesseraException("each pair must be two sample ids, like [3, 17]; got " + pair);
        }
      }
    }
    if (!metric.equals("euclidean") && !metric.equals("hamming")) {
      throw new TesseraException("metric must be euclidean or hamming, got '" + metric + "'");
    }
    if (maxPairs < 0) {
      throw new TesseraException("max_pairs must be >= 0 (0 keeps all), got " + maxPairs);
    }
  }
}
