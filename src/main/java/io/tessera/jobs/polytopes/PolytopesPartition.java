package io.tessera.jobs.polytopes;

import io.tessera.math.BitPatterns;
import io.tessera.math.MlpWeights;
import io.tessera.math.Precision;
import io.tessera.math.polytope.Deadline;
import io.tessera.math.polytope.SampleRegion;
import io.tessera.run.LazyMap;
import io.tessera.run.ModelRef;
import io.tessera.run.ValidatedInput;
import io.tessera.run.lifecycle.FaultInjection;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Executor side of the polytopes job: rows (id, split, label, features) in, one region row per
 * sample out. The geometry is float64 on the weights of the executor's cached model; a sample
 * costs LPs, not forward passes, so there is nothing to batch.
 */
final class PolytopesPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PolytopesPartition.class);

  private final ModelRef model;
  private final double[] box;
  private final Double maxSeconds;
  private final boolean facets;

  /**
   * {@code box}: [lo, hi] for the Chebyshev ball, or null; {@code maxSeconds}: the time limit per
   * sample, or null; {@code facets}: false leaves active_bits and num_active NULL and costs one LP.
   */
  PolytopesPartition(ModelRef model, double[] box, Double maxSeconds, boolean facets) {
    this.model = model;
    this.box = box;
    this.maxSeconds = maxSeconds;
    this.facets = facets;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    var network = model.reluMlp();
    MlpWeights weights = network.weights();
    int m = weights.inputDim();
    double[] lo = box == null ? null : filled(m, box[0]);
    double[] hi = box == null ? null : filled(m, box[1]);
    int[] widths = weights.hiddenWidths();
    return LazyMap.of(rows, in -> {
      long start = System.nanoTime();
      double[] x = Precision.widen(ValidatedInput.features(List.of(in), m));
      SampleRegion r;
      try {
        r = Deadline.within(maxSeconds, () -> {
          FaultInjection.slowSample(in.getLong(0));
          long id = in.getLong(0);
          if (!facets) {
            return SampleRegion.withoutFacets(weights, x, lo, hi);
          }
          return SampleRegion.of(weights, x, lo, hi, (decided, total, facets, lps, seconds) -> LOG.info(String.format(java.util.Locale.ROOT,
              "polytopes: sample %d: %d of %d rows decided, %d facets, %d LPs, %.0f s", id, decided, total, facets, lps, seconds)));
        });
      } catch (Deadline.Exceeded e) {
        // No geometry: PolytopesJob moves the row to _rejects with the time spent.
        return RowFactory.create(network.id(), in.getLong(0), in.getString(1), in.isNullAt(2) ? null : in.getInt(2),
            null, null, null, null, null, null, null, null, (System.nanoTime() - start) / 1e9);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("sample " + in.getLong(0) + ": " + e.getMessage(), e);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (seconds > 10) { // large regions take minutes: say where the job is
        LOG.info(String.format(java.util.Locale.ROOT, "polytopes: sample %d, %s of %d rows, %.1f s", in.getLong(0),
            r.facets() == null ? "Chebyshev ball" : r.facets().length + " facets", r.region().rows(), seconds));
      }
      return RowFactory.create(
          network.id(),
          in.getLong(0),
          in.getString(1),
          in.isNullAt(2) ? null : in.getInt(2),
          BitPatterns.hash(r.layerBits(), widths),
          r.region().rows(),
          r.facets(),
          r.facets() == null ? null : r.facets().length,
          r.radius(),
          r.centreNorm(),
          r.facetDistance(),
          r.margin(),
          seconds);
    });
  }

  private static double[] filled(int n, double value) {
    double[] v = new double[n];
    java.util.Arrays.fill(v, value);
    return v;
  }
}
