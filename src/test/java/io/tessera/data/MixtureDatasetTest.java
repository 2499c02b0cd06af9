package io.tessera.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TesseraException;
import io.tessera.TestSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The executor-side mixture: the same rows whatever the partitioning, and the law it promises. */
class MixtureDatasetTest {
  @Test
  void rowsDependOnlyOnSeedAndIdAndFollowTheMixture() {
    Dataset<Row> one = MixtureDataset.create(TestSpark.get(), 3000, 6, 4L, 0.2, 1);
    Dataset<Row> seven = MixtureDataset.create(TestSpark.get(), 3000, 6, 4L, 0.2, 7);
    assertEquals(0, one.exceptAll(seven).count());
    assertEquals(600, one.where("split = 'test'").count());
    assertEquals(0, one.where("label <> id % 3 OR (split = 'test') <> (id >= 2400)").count());
    // Per component: spread sigma 0.5 around one centre, centres N(0, I) apart.
    List<Row> stats = one.selectExpr("label", "features[0] AS x").groupBy("label")
        .agg(org.apache.spark.sql.functions.stddev("x"), org.apache.spark.sql.functions.mean("x")).orderBy("label").collectAsList();
    for (Row s : stats) {
      assertEquals(0.5, s.getDouble(1), 0.05, "component " + s.get(0)); // 1000 draws: the sd's standard error is 0.011
    }
    // The components sit at different centres: their means differ by far more than the means' standard error, 0.016.
    for (int i = 0; i < stats.size(); i++) {
      for (int j = i + 1; j < stats.size(); j++) {
        assertTrue(Math.abs(stats.get(i).getDouble(2) - stats.get(j).getDouble(2)) > 0.1, "components " + i + " and " + j + ": " + stats);
      }
    }
    assertEquals(0, MixtureDataset.create(TestSpark.get(), 3000, 6, 5L, 0.2, 1).intersect(one).count(), "another seed, other points");
    assertThrows(TesseraException.class, () -> MixtureDataset.create(TestSpark.get(), 0, 6, 4L, 0.2, 1));
  }
}
