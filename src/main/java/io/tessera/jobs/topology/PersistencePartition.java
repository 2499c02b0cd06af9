package io.tessera.jobs.topology;

import io.tessera.math.Seeds;
import io.tessera.math.topology.Landmarks;
import io.tessera.math.topology.PersistenceDiagram;
import io.tessera.math.topology.RipsPersistence;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** One task's (cloud, repeat) pairs: draw the points, take landmarks, compute the diagram, one row per interval. */
final class PersistencePartition implements MapPartitionsFunction<Row, Row> {
  private final PersistenceConfig cfg;
  private final Broadcast<Map<String, float[][]>> datasets;

  PersistencePartition(PersistenceConfig cfg, Broadcast<Map<String, float[][]>> datasets) {
    this.cfg = cfg;
    this.datasets = datasets;
  }

  /** The seed of one repeat's draw, from the run seed, the cloud and the repeat alone. */
  static long drawSeed(long runSeed, String cloud, int repeat) {
    return Seeds.forSample(runSeed, repeat, "persistence:" + cloud).nextLong();
  }

  @Override
  public Iterator<Row> call(Iterator<Row> work) {
    List<Row> out = new ArrayList<>();
    while (work.hasNext()) {
      Row w = work.next();
      String cloud = w.getString(0);
      int repeat = w.getInt(1);
      PointSource source = cfg.clouds().get(cloud);
      long seed = drawSeed(cfg.seed(), cloud, repeat);
      long start = System.nanoTime();
      double[][] points = PointClouds.draw(source, datasets.value().get(cloud), cfg.points(), seed);
      double[][] used = points;
      double covering = 0;
      if (cfg.landmarks() > 0) {
        Landmarks landmarks = Landmarks.maxMin(points, cfg.landmarks(), seed);
        used = landmarks.of(points);
        covering = landmarks.coveringRadius();
      }
      PersistenceDiagram diagram = RipsPersistence.of(used, cfg.maxDimension(),
          cfg.threshold() == null ? Double.POSITIVE_INFINITY : cfg.threshold(), cfg.prime());
      double seconds = (System.nanoTime() - start) / 1e9;
      for (int k = 0; k <= diagram.maxDimension(); k++) {
        for (double[] interval : diagram.dimension(k)) {
          Double death = Double.isInfinite(interval[1]) ? null : interval[1];
          out.add(RowFactory.create(cloud, repeat, seed, source.describe(), points.length, used.length, covering, diagram.threshold(),
              cfg.prime(), k, interval[0], death, death == null ? null : death - interval[0], seconds));
        }
      }
    }
    return out.iterator();
  }
}
