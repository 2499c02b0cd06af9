package io.tessera.jobs.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.JobFixtures;
import io.tessera.SchemaShapes;
import io.tessera.TesseraException;
import io.tessera.TestSpark;
import io.tessera.config.ConfigLoader;
import io.tessera.data.DatasetIO;
import io.tessera.data.Splits;
import io.tessera.data.SyntheticDatasets;
import io.tessera.jobs.JobRegistry;
import io.tessera.math.latent.SmoothActivation;
import io.tessera.model.DevicePolicy;
import io.tessera.model.autoencoder.AutoencoderSpec;
import io.tessera.tables.TableSchema;
import io.tessera.training.AutoencoderTrainJob;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latent-geometry job on the closed-form decoders of docs/methods/latent-curvature.md,
 * Closed-form checks, shipped as float64 TorchScript modules (scripts/make-torchscript-fixtures.py)
 * and run through the same path as users' decoders, and on an autoencoder Tessera trains: exact
 * jets against finite differences, densities, scores.
 */
class LatentGeometryJobTest {
  @TempDir Path tmp;

  private static String decoder(String name) {
    return Path.of("src/test/resources/models/decoder-" + name + ".pt").toAbsolutePath().toString();
  }

  private static LatentGeometryConfig grid(String decoder, String out, List<List<Double>> box, int resolution, int partitions, String runId) {
    return ConfigLoader.of(LatentGeometryConfig.class, "model", decoder, "output", out, "box", box, "resolution", resolution, "route", "auto", "batch_size", 64, "partitions", partitions, "device", "cpu", "run_id", runId, "quarantine", false);
  }

  private static Row summary(String out, String runId) {
    return TestSpark.get().read().parquet(out + "/latent_summary/run_id=" + runId).first();
  }

  @Test
  void closedFormDecodersGiveTheirCurvatureAndTotals() {
    SparkSession spark = TestSpark.get();
    String out = tmp.resolve("closed").toString();
    JobRegistry.run(spark, grid(decoder("sphere-2"), out, List.of(List.of(0.0, Math.PI), List.of(0.0, 2 * Math.PI)), 64, 3, "sphere"));
    Row sphere = summary(out, "sphere");
    assertEquals("fd", sphere.getAs("route"));
    assertEquals(0L, sphere.<Long>getAs("fd_failed"));
    assertEquals(16 * Math.PI, sphere.<Double>getAs("volume"), 1e-3 * 16 * Math.PI, "area 4 pi a^2, a = 2");
    assertEquals(8 * Math.PI, sphere.<Double>getAs("integral_r"), 1e-3 * 8 * Math.PI, "Gauss-Bonnet: the integral of R dmu is 8 pi");
    assertEquals("undefined_2d", sphere.getAs("regime"));
    assertEquals(0.25, sphere.<Double>getAs("kbar_median"), 1e-6);
    Row r = spark.read().parquet(out + "/latent_points/run_id=sphere")
        .selectExpr("min(scalar_curvature)", "max(scalar_curvature)", "count(*)", "count(p_train)", "min(gaussian_curvature)").first();
    assertEquals(0.5, r.getDouble(0), 1e-6, "R = 2 / a^2 everywhere");
    assertEquals(0.5, r.getDouble(1), 1e-6);
    assertEquals(64 * 64, r.getLong(2));
    assertEquals(0, r.getLong(3), "no codes, no density");
    assertEquals(0.25, r.getDouble(4), 1e-6);

    // T8: the same sphere after a nonlinear change of coordinates has the same curvature everywhere.
    JobRegistry.run(spark, grid(decoder("sphere-2-reparametrised"), out, List.of(List.of(0.5, 2.0), List.of(0.5, 5.0)), 16, 2, "reparam"));
    Row reparam = spark.read().parquet(out + "/latent_points/run_id=reparam")
        .selectExpr("max(abs(scalar_curvature - 0.5))", "count(*)", "sum(CAST(degenerate AS INT))").first();
    assertTrue(reparam.getDouble(0) < 1e-5, "curvature is invariant under reparametrisation, off by " + reparam.getDouble(0));
    assertEquals(256L, reparam.getLong(1));
    assertEquals(0L, reparam.getLong(2));

    JobRegistry.run(spark, grid(decoder("pseudosphere"), out, List.of(List.of(0.5, 3.0), List.of(0.0, 2 * Math.PI)), 64, 2, "pseudo"));
    Row pseudo = summary(out, "pseudo");
    assertEquals(4.947952, pseudo.<Double>getAs("volume"), 1e-3 * 4.947952);
    assertEquals(-9.895903, pseudo.<Double>getAs("integral_r"), 1e-3 * 9.895903);
    double pseudoError = spark.read().parquet(out + "/latent_points/run_id=pseudo").selectExpr("max(abs(scalar_curvature + 2))").first()
        .getDouble(0);
    assertTrue(pseudoError < 2e-5, "R = -2 everywhere, off by " + pseudoError);

    JobRegistry.run(spark, grid(decoder("swiss-roll-surface"), out, List.of(List.of(5.0, 14.0), List.of(0.0, 21.0)), 24, 2, "roll"));
    Row roll = spark.read().parquet(out + "/latent_points/run_id=roll")
        .selectExpr("max(abs(scalar_curvature) / second_form_norm2)", "min(second_form_norm2)").first();
    assertTrue(roll.getDouble(0) < 1e-5, "R = 0 though |H|^2 = |II|^2 > 0: " + roll.getDouble(0));
    assertTrue(roll.getDouble(1) > 1e-3);

    JobRegistry.run(spark, grid(decoder("affine"), out, List.of(List.of(-1.0, 1.0), List.of(-1.0, 1.0)), 8, 1, "affine"));
    Row affine = spark.read().parquet(out + "/latent_points/run_id=affine")
        .selectExpr("max(abs(scalar_curvature))", "max(abs(log_sqrt_det_g - ln(sqrt(59D))))", "first(metric)").first();
    assertTrue(affine.getDouble(0) < 1e-6);
    assertTrue(affine.getDouble(1) < 1e-9);
    assertEquals(List.of(10.0, -1.0, 6.0), affine.getList(2).stream().map(v -> Math.round((Double) v * 1e6) / 1e6).toList());

    JobRegistry.run(spark, grid(decoder("three-sphere"), out, List.of(List.of(0.1, 0.9), List.of(0.3, 2.8), List.of(0.0, 6.0)), 10, 2,
        "s3"));
    Row s3 = summary(out, "s3");
    assertEquals(1, s3.<Double>getAs("lambda_hat"), 1e-4, "Lambda = (n - 2) R / (2n) = 1 for R = 6");
    assertEquals("dS", s3.getAs("regime"));
    assertEquals(6, spark.read().parquet(out + "/latent_points/run_id=s3").selectExpr("avg(scalar_curvature)").first().getDouble(0), 1e-4);

    for (String table : List.of(LatentGeometryJob.TABLE, LatentGeometryJob.SUMMARY)) {
      assertEquals(SchemaShapes.of(TableSchema.load(table).schema()), SchemaShapes.of(spark.read().parquet(out + "/" + table).schema()),
          table + " as written");
    }
  }

  @Test
  void theGridRowsDoNotDependOnPartitioningOrBatchSize() {
    SparkSession spark = TestSpark.get();
    String out = tmp.resolve("partitions").toString();
    List<List<Double>> box = List.of(List.of(0.2, 2.9), List.of(0.0, 6.0));
    JobRegistry.run(spark, grid(decoder("sphere-2"), out, box, 20, 1, "one"));
    JobRegistry.run(spark, ConfigLoader.of(LatentGeometryConfig.class, "model", decoder("sphere-2"), "output", out, "box", box, "resolution", 20, "route", "fd", "batch_size", 7, "partitions", 5, "device", "cpu", "run_id", "five", "quarantine", false));
    var one = spark.read().parquet(out + "/latent_points/run_id=one");
    var five = spark.read().parquet(out + "/latent_points/run_id=five");
    assertEquals(400, five.count());
    assertEquals(0, one.exceptAll(five).count());
    assertEquals(0, spark.read().parquet(out + "/latent_summary/run_id=one").exceptAll(spark.read().parquet(out + "/latent_summary/run_id=five"))
        .count());
  }

  /**
   * The expected outcome of docs/methods/latent-curvature.md, The MNIST experiment, reduced: data
   * removed from training shows up as rho_ins mass-like points among the removed class's reference
   * codes. Three clusters of 2-D codes (decoded by the flat affine decoder); training keeps a tenth
   * of cluster 2, the reference all of it.
   */
  @Test
  void massPointsSitOnTheClassRemovedFromTraining() {
    SparkSession spark = TestSpark.get();
    double[][] centres = {{-2, 0}, {2, 0}, {0, 2.5}};
    int m = 900;
    float[][] features = new float[m][];
    int[] labels = new int[m];
    List<String> splits = new java.util.ArrayList<>();
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    for (int i = 0; i < m; i++) {
      labels[i] = i % 3;
      features[i] = new float[] {(float) (centres[labels[i]][0] + 0.4 * random.nextGaussian()),
          (float) (centres[labels[i]][1] + 0.4 * random.nextGaussian())};
      boolean reference = labels[i] == 2 ? i % 10 != 2 : i % 2 == 0;
      splits.add(reference ? "ref" : "train");
    }
    String data = tmp.resolve("removed").toString();
    DatasetIO.write(spark, new io.tessera.data.LabeledPoints(features, labels, null), splits, data, false);
    String out = tmp.resolve("removed-out").toString();
    for (String mode : List.of("grid", "mc")) {
      boolean grid = mode.equals("grid");
      JobRegistry.run(spark, ConfigLoader.of(LatentGeometryConfig.class, "model", decoder("affine"), "output", out, "input", data, "train_split", "train", "reference_split", "ref", "latent_dim", 2, "resolution", grid ? 40 : 0, "mc_samples", grid ? null : 400, "route", "fd", "seed", 5L, "batch_size", 128, "partitions", 2, "device", "cpu", "run_id", mode, "quarantine", false));
      List<Row> mass = summary(out, mode).getList(summary(out, mode).fieldIndex("mass_points"));
      assertFalse(mass.isEmpty(), mode + ": the removed cluster is a deficit");
      Row densest = mass.get(0);
      List<Double> z = densest.getList(densest.fieldIndex("z"));
      assertEquals(2, densest.<Integer>getAs("label"), mode + ": the densest mass point is labelled by the removed class, at " + z);
      assertTrue(Math.hypot(z.get(0) - centres[2][0], z.get(1) - centres[2][1]) < 0.4, mode + ": it lies in cluster 2: " + z);
      // Cluster 2 holds a third of the reference and a tenth of that in training: about 0.3 of deficit, most of it within a bandwidth.
      double local = densest.getAs("mass");
      assertTrue(local > 0.05 && local < 0.3, mode + ": local mass " + local);
      for (Row p : mass) {
        assertTrue(p.<Double>getAs("density") <= densest.<Double>getAs("density"), "densest first");
      }
    }
  }

  @Test
  void anAutoencoderGetsExactCurvatureDensitiesAndScores() throws java.io.IOException {
    SparkSession spark = TestSpark.get();
    String data = tmp.resolve("gaussians").toString();
    DatasetIO.write(spark, SyntheticDatasets.generate(SyntheticDatasets.Kind.THREE_GAUSSIANS, 900, 4, 3), Splits.trainTest(900, 0.3), data,
        false);
    String model = tmp.resolve("ae").toString();
    AutoencoderTrainJob.run(spark, data, model, new AutoencoderSpec("ae-gaussians", 2, List.of(16, 16), SmoothActivation.TANH,
        SmoothActivation.IDENTITY, 30, 64, 3e-3, 1, DevicePolicy.CPU, data), line -> {});
    String out = tmp.resolve("ae-out").toString();
    JobRegistry.run(spark, ConfigLoader.of(LatentGeometryConfig.class, "model", model, "output", out, "input", data, "train_split", "train", "reference_split", "test", "resolution", 24, "route", "exact", "seed", 3L, "batch_size", 128, "partitions", 3, "device", "cpu", "run_id", "exact", "quarantine", false));
    long points = 24 * 24 + 900;
    assertEquals(List.of("point", points, points, 0L, points), JobFixtures.runCounts(out, "exact"), "the grid's nodes and the 900 samples");
    JobRegistry.run(spark, ConfigLoader.of(LatentGeometryConfig.class, "model", model, "output", out, "input", data, "train_split", "train", "reference_split", "test", "resolution", 24, "route", "fd", "seed", 3L, "batch_size", 128, "partitions", 2, "device", "cpu", "run_id", "fd", "quarantine", false));

    // Exact jets and finite differences agree point by point, to the convergence check's 1e-4 of |H|^2 + |II|^2.
    Row worst = spark.sql("SELECT max(abs(e.scalar_curvature - f.scalar_curvature) / (f.mean_curvature_norm2 + f.second_form_norm2)),"
        + " count(*), sum(CASE WHEN f.fd_converged THEN 1 ELSE 0 END) FROM parquet.`" + out + "/latent_points/run_id=exact` e"
        + " JOIN parquet.`" + out + "/latent_points/run_id=fd` f USING (point_kind, point_id) WHERE NOT e.degenerate").first();
    assertTrue(worst.getDouble(0) < 1e-4, "exact and fd curvature differ by " + worst.getDouble(0));
    assertEquals(worst.getLong(1), worst.getLong(2), "every fd point converged on a tanh decoder");

    // Distortion is |x - D(E(x))|^2 with the decoded point the table holds.
    List<Row> samples = spark.sql("SELECT p.d_sse, p.d_mse, p.decoded, d.features FROM parquet.`" + out + "/latent_points/run_id=exact` p"
        + " JOIN parquet.`" + data + "` d ON p.point_id = d.id WHERE p.point_kind = 'sample'").collectAsList();
    assertEquals(900, samples.size());
    for (Row s : samples) {
      List<Double> decoded = s.getList(2);
      List<Float> x = s.getList(3);
      double sse = 0;
      for (int k = 0; k < 3; k++) {
        sse += (x.get(k) - decoded.get(k)) * (x.get(k) - decoded.get(k));
      }
      assertEquals(sse, s.getDouble(0), 1e-9 * Math.max(1, sse));
      assertEquals(sse / 3, s.getDouble(1), 1e-9 * Math.max(1, sse));
    }
    Row summary = summary(out, "exact");
    assertEquals("exact", summary.getAs("route"));
    assertEquals(630, summary.<Integer>getAs("kde_codes"));
    assertEquals(270, summary.<Integer>getAs("ref_codes"));
    // In 2-D NIS comes from the median mean sectional curvature; DIS is the midpoint sum of max(0, p_ref - p_train) dz.
    assertEquals(1 - Math.exp(-Math.abs(summary.<Double>getAs("kbar_median")) * summary.<Double>getAs("ell2") / summary.<Double>getAs("c_n")),
        summary.<Double>getAs("nis"), 1e-12);
    double cell = 1;
    List<Double> lo = summary.getList(summary.fieldIndex("box_lo"));
    List<Double> hi = summary.getList(summary.fieldIndex("box_hi"));
    for (int k = 0; k < 2; k++) {
      cell *= (hi.get(k) - lo.get(k)) / 24;
    }
    double deficit = spark.sql("SELECT sum(greatest(0, p_ref - p_train)) FROM parquet.`" + out + "/latent_points/run_id=exact` WHERE point_kind = 'grid' AND NOT degenerate")
        .first().getDouble(0) * cell;
    assertEquals(deficit, summary.<Double>getAs("dis"), 1e-9);
    assertTrue(summary.<Double>getAs("information_mass") > 0.9, "the box holds the training density: " + summary.getAs("information_mass"));
    assertTrue(Double.isFinite(summary.<Double>getAs("perelman_f")) && summary.<Double>getAs("ell2") > 0);
    // Train and test are drawn alike: the deficit is KDE noise. With 270 reference codes a local
    // fluctuation can pass the 1% bar (the binomial sd of the mass within one bandwidth is about 1.5%),
    // but none comes near a removed class (massPointsSitOnTheClassRemovedFromTraining).
    for (Row p : summary.<Row>getList(summary.fieldIndex("mass_points"))) {
      assertTrue(p.<Double>getAs("mass") < 0.05, "a random split's deficit is noise: " + p);
    }
    assertTrue(summary.<Double>getAs("energy_mass") > 0);
    assertEquals(0, spark.read().parquet(out + "/latent_points/run_id=exact").where("energy_density IS NULL OR energy_density < 0").count());

    // Monte Carlo totals, for any latent dimension: half the draws from the training codes' density, half uniform on the box.
    JobRegistry.run(spark, ConfigLoader.of(LatentGeometryConfig.class, "model", model, "output", out, "input", data, "train_split", "train", "reference_split", "test", "resolution", 0, "mc_samples", 600, "route", "exact", "seed", 3L, "batch_size", 128, "partitions", 3, "device", "cpu", "run_id", "mc", "quarantine", false, "mass_density", "energy"));
    Row mc = summary(out, "mc");
    assertEquals("mc", mc.getAs("totals_from"));
    assertEquals("energy of rho_ins", mc.getAs("mass_density"));
    assertEquals(600L, spark.read().parquet(out + "/latent_points/run_id=mc").where("point_kind = 'mc'").count());
    // ESS and DIS again from the job's own points: w = sqrt(det g) 1_M / pi with pi = q / 2 + 1_box / (2 |box|), M the box and
    // the mask q >= 1e-3 max q; DIS the mean of max(0, p_ref - q) / pi over the box.
    Row weights = spark.sql("WITH b AS (SELECT box_lo lo, box_hi hi, (box_hi[0] - box_lo[0]) * (box_hi[1] - box_lo[1]) vol"
        + " FROM parquet.`" + out + "/latent_summary/run_id=mc`),"
        + " p AS (SELECT exp(log_sqrt_det_g) s, p_train q, p_ref r, max(p_train) OVER () qmax, vol,"
        + "   z[0] BETWEEN lo[0] AND hi[0] AND z[1] BETWEEN lo[1] AND hi[1] inbox"
        + "   FROM parquet.`" + out + "/latent_points/run_id=mc`, b WHERE point_kind = 'mc' AND NOT degenerate),"
        + " w AS (SELECT *, 0.5 * q + IF(inbox, 0.5 / vol, 0) pi, inbox AND q >= 1e-3 * qmax inm FROM p)"
        + " SELECT power(sum(IF(inm, s / pi, 0)), 2) / sum(IF(inm, s * s / (pi * pi), 0)), avg(IF(inbox, greatest(0, r - q) / pi, 0)),"
        + "   count_if(NOT inbox) FROM w").first();
    assertEquals(weights.getDouble(0), mc.<Double>getAs("ess"), 1e-9 * weights.getDouble(0), "ESS");
    assertEquals(weights.getDouble(1), mc.<Double>getAs("dis"), 1e-9 * weights.getDouble(1), "DIS");
    assertTrue(mc.<Double>getAs("integral_r2_se") >= 0 && mc.<Double>getAs("dis_se") > 0 && mc.<Double>getAs("nis_se") > 0,
        "Monte Carlo runs carry bootstrap errors");
    assertEquals(0.0, mc.<Double>getAs("lambda_hat_se"), "in 2-D lambda = (n - 2) R / 2n is 0 at every point");
    assertTrue(summary.isNullAt(summary.fieldIndex("lambda_hat_se")) && summary.isNullAt(summary.fieldIndex("dis_se")), "a grid has no sampling error");
    String data10 = tmp.resolve("gaussians-10").toString();
    DatasetIO.write(spark, SyntheticDatasets.generate(SyntheticDatasets.Kind.THREE_GAUSSIANS, 600, 5, 10), Splits.trainTest(600, 0.3),
        data10, false);
    String model4 = tmp.resolve("ae4").toString();
    AutoencoderTrainJob.run(spark, data10, model4, new AutoencoderSpec("ae4", 4, List.of(16), SmoothActivation.SOFTPLUS,
        SmoothActivation.IDENTITY, 5, 64, 3e-3, 2, DevicePolicy.CPU, data10), line -> {});
    JobRegistry.run(spark, ConfigLoader.of(LatentGeometryConfig.class, "model", model4, "output", out, "input", data10, "train_split", "train", "reference_split", "test", "resolution", 0, "mc_samples", 400, "route", "auto", "seed", 3L, "batch_size", 128, "partitions", 2, "device", "cpu", "run_id", "four", "quarantine", false));
    Row four = summary(out, "four");
    assertEquals(4, four.<Integer>getAs("latent_dim"));
    assertTrue(List.of("dS", "AdS", "flat").contains(four.<String>getAs("regime")), four.<String>getAs("regime"));
    assertTrue(Double.isFinite(four.<Double>getAs("lambda_hat")));
    // The Christoffel route (R = g^ij R_ij) gives the Gauss equation's R at every point of the 4-D chart.
    JobRegistry.run(spark, ConfigLoader.of(LatentGeometryConfig.class, "model", model4, "output", out, "input", data10, "train_split", "train", "reference_split", "test", "resolution", 0, "mc_samples", 400, "route", "ricci", "seed", 3L, "batch_size", 128, "partitions", 2, "device", "cpu", "run_id", "four-ricci", "quarantine", false));
    assertEquals("ricci", summary(out, "four-ricci").getAs("route"));
    Row ricci = spark.sql("SELECT max(abs(r.scalar_curvature - e.scalar_curvature) / (e.mean_curvature_norm2 + e.second_form_norm2)), count(*)"
        + " FROM parquet.`" + out + "/latent_points/run_id=four-ricci` r JOIN parquet.`" + out + "/latent_points/run_id=four` e"
        + " USING (point_kind, point_id) WHERE NOT e.degenerate").first();
    assertEquals(1000L, ricci.getLong(1), "400 Monte Carlo points and 600 samples");
    assertTrue(ricci.getDouble(0) < 1e-6, "the two routes differ by " + ricci.getDouble(0) + " of |H|^2 + |II|^2");

    Path png = tmp.resolve("latent.png");
    java.io.StringWriter err = new java.io.StringWriter();
    assertEquals(0, io.tessera.cli.TesseraMain.execute(new java.io.PrintWriter(err), "report", "latent", "--run", "exact", "--root", out,
        "--out", png.toString()), err.toString());
    io.tessera.PngChecks.assertFigure(png, 1200, 400);
    assertEquals(2, io.tessera.cli.TesseraMain.execute(new java.io.PrintWriter(err), "report", "latent", "--run", "nope", "--root", out,
        "--out", png.toString()));
  }

  @Test
  void misconfigurationsAreClearErrors() {
    SparkSession spark = TestSpark.get();
    String out = tmp.resolve("bad").toString();
    TesseraException noDim = assertThrows(TesseraException.class, () -> JobRegistry.run(spark, ConfigLoader.of(LatentGeometryConfig.class, "model", decoder("sphere-2"), "output", out, "latent_dim", 2, "resolution", 8, "route", "fd", "batch_size", 64, "partitions", 0, "device", "cpu", "run_id", "x", "quarantine", false)));
    assertTrue(noDim.getMessage().contains("box"), noDim.getMessage());
    TesseraException exact = assertThrows(TesseraException.class, () -> JobRegistry.run(spark, ConfigLoader.of(LatentGeometryConfig.class, "model", decoder("sphere-2"), "output", out, "box", List.of(List.of(0.0, 1.0), List.of(0.0, 1.0)), "resolution", 8, "route", "exact", "batch_size", 64, "partitions", 0, "device", "cpu", "run_id", "y", "quarantine", false)));
    assertTrue(exact.getMessage().contains("use fd"), exact.getMessage());
    TesseraException big = assertThrows(TesseraException.class, () -> JobRegistry.run(spark, grid(decoder("three-sphere"), out,
        List.of(List.of(0.1, 0.9), List.of(0.3, 2.8), List.of(0.0, 6.0)), 200, 1, "z")));
    assertTrue(big.getMessage().contains("too large"), big.getMessage());
    // A box with an axis the decoder ignores: J loses rank everywhere, and the summary says so.
    JobRegistry.run(spark, grid(decoder("sphere-2"), out, List.of(List.of(0.1, 1.0), List.of(0.0, 1.0), List.of(0.0, 1.0)), 4, 1, "w"));
    Row ignored = summary(out, "w");
    assertEquals(64L, ignored.<Long>getAs("degenerate_points"));
    assertEquals(0L, ignored.<Long>getAs("mask_points"));
  }
}
