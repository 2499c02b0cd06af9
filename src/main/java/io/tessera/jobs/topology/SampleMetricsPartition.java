package io.tessera.jobs.topology;

import io.tessera.math.Seeds;
import io.tessera.math.metrics.DensityCoverage;
import io.tessera.math.metrics.DiagramWasserstein;
import io.tessera.math.metrics.EmpiricalW2;
import io.tessera.math.metrics.FrechetDistance;
import io.tessera.math.metrics.GraphDivergence;
import io.tessera.math.metrics.KnnSpectralDistance;
import io.tessera.math.topology.PersistenceDiagram;
import io.tessera.math.topology.RipsPersistence;
import io.tessera.model.classifier.FeatureEncoder;
import io.tessera.run.ModelRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** One task's (comparison, repeat) pairs: draw both samples and compute every configured metric, one row each. */
final class SampleMetricsPartition implements MapPartitionsFunction<Row, Row> {
  private final SampleMetricsConfig cfg;
  private final Broadcast<Map<String, float[][]>> datasets;
  private final ModelRef features;

  /** @param features the classifier whose penultimate features carry FD and PRDC, or null for the coordinates */
  SampleMetricsPartition(SampleMetricsConfig cfg, Broadcast<Map<String, float[][]>> datasets, ModelRef features) {
    this.cfg = cfg;
    this.datasets = datasets;
    this.features = features;
  }

  /** The seed of one side's draw, from the run seed, the comparison, the side and the repeat alone. */
  static long drawSeed(long runSeed, String comparison, String side, int repeat) {
    return Seeds.forSample(runSeed, repeat, "sample-metrics:" + comparison + ":" + side).nextLong();
  }

  @Override
  public Iterator<Row> call(Iterator<Row> work) {
    List<Row> out = new ArrayList<>();
    while (work.hasNext()) {
      Row w = work.next();
      String name = w.getString(0);
      int repeat = w.getInt(1);
      Comparison comparison = cfg.comparisons().get(name);
      long realSeed = drawSeed(cfg.seed(), name, "real", repeat);
      long fakeSeed = drawSeed(cfg.seed(), name, "fake", repeat);
      long start = System.nanoTime();
      double[][] real = PointClouds.draw(comparison.real(), datasets.value().get(name + "/real"), cfg.sampleSize(), realSeed);
      double[][] fake = PointClouds.draw(comparison.fake(), datasets.value().get(name + "/fake"), cfg.sampleSize(), fakeSeed);
      Double[] values = metrics(real, fake);
      Object[] head = {name, repeat, realSeed, fakeSeed, comparison.real().describe(), comparison.fake().describe(), real.length,
          real[0].length, cfg.k(), cfg.lambda(), cfg.diagramPoints(), cfg.featureSpace()};
      Object[] row = new Object[head.length + values.length + 1];
      System.arraycopy(head, 0, row, 0, head.length);
      System.arraycopy(values, 0, row, head.length, values.length);
      row[row.length - 1] = (System.nanoTime() - start) / 1e9;
      out.add(RowFactory.create(row));
    }
    return out.iterator();
  }

  /** The metric columns in the table's order, NULL for the families not asked for. */
  private Double[] metrics(double[][] real, double[][] fake) {
    // FD and PRDC share one embedding of each side.
    boolean embeds = cfg.computes(SampleMetric.FD) || cfg.computes(SampleMetric.PRDC);
    Draw draw = new Draw(real, fake, embeds ? embedded(real, features) : null, embeds ? embedded(fake, features) : null);
    List<Double> values = new ArrayList<>();
    for (SampleMetric metric : SampleMetric.values()) {
      if (!cfg.computes(metric)) {
        metric.columns().forEach(c -> values.add(null));
        continue;
      }
      values.addAll(compute(metric, draw));
    }
    return values.toArray(Double[]::new);
  }

  /** Both samples, and both in the space FD and PRDC use (the samples themselves without a feature model). */
  private record Draw(double[][] real, double[][] fake, double[][] realSpace, double[][] fakeSpace) {}

  private List<Double> compute(SampleMetric metric, Draw d) {
    double[][] real = d.real();
    double[][] fake = d.fake();
    return switch (metric) {
      case W2 -> List.of(EmpiricalW2.of(real, fake));
      case FD -> List.of(FrechetDistance.of(d.realSpace(), d.fakeSpace()));
      case PRDC -> {
        DensityCoverage.Scores s = DensityCoverage.of(d.realSpace(), d.fakeSpace(), cfg.k());
        yield List.of(s.precision(), s.recall(), s.density(), s.coverage());
      }
      case SPECTRAL -> List.of(KnnSpectralDistance.symmetric(real, fake, cfg.k()), KnnSpectralDistance.directed(real, fake, cfg.k()));
      case GRAPH_DIVERGENCE -> {
        GraphDivergence.Statistic s = GraphDivergence.of(real, fake, cfg.lambda());
        yield List.of(s.t(), s.standardised());
      }
      case DIAGRAMS -> {
        PersistenceDiagram a = RipsPersistence.of(Arrays.copyOf(real, cfg.diagramPoints()), 1, 2);
        PersistenceDiagram b = RipsPersistence.of(Arrays.copyOf(fake, cfg.diagramPoints()), 1, 2);
        List<Double> distances = new ArrayList<>();
        for (int k = 0; k <= 1; k++) {
          distances.add(DiagramWasserstein.of(a.dimension(k), b.dimension(k), 1));
          distances.add(DiagramWasserstein.of(a.dimension(k), b.dimension(k), 2));
        }
        yield distances;
      }
    };
  }

  /** The points themselves, or their features under the configured classifier. */
  static double[][] embedded(double[][] points, ModelRef features) {
    if (features == null) {
      return points;
    }
    FeatureEncoder encoder = features.features();
    int dim = points[0].length;
    float[] inputs = new float[points.length * dim];
    for (int i = 0; i < points.length; i++) {
      for (int k = 0; k < dim; k++) {
        inputs[i * dim + k] = (float) points[i][k];
      }
    }
    float[] out = encoder.features(inputs, points.length);
    int width = encoder.featureDim();
    double[][] embedded = new double[points.length][width];
    for (int i = 0; i < points.length; i++) {
      for (int k = 0; k < width; k++) {
        embedded[i][k] = out[i * width + k];
      }
    }
    return embedded;
  }

}
