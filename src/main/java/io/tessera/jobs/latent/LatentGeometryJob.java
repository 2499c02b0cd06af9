package io.tessera.jobs.latent;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.tessera.TesseraException;
import io.tessera.math.latent.GaussianKde;
import io.tessera.math.latent.GridValue;
import io.tessera.math.latent.LatentSummary;
import io.tessera.math.latent.MassPointSearch;
import io.tessera.math.latent.MonteCarloProposal;
import io.tessera.model.autoencoder.LatentDecoder;
import io.tessera.model.autoencoder.LatentModel;
import io.tessera.run.BaseJob;
import io.tessera.run.CountUnit;
import io.tessera.run.JobRun;
import io.tessera.run.ModelRef;
import io.tessera.run.ValidatedInput;
import io.tessera.tables.TableSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The {@code latent-geometry} job (Sreehari et al., Lazarev; docs/methods/latent-curvature.md): the
 * geometry of a decoder's pullback metric over a latent grid, at Monte Carlo draws from the codes'
 * density and at the encoded samples, one row per point in latent_points, and the run's totals,
 * Lambda, NIS, DIS and mass-like points in latent_summary. Curvature is float64 throughout: exact jets for Tessera's MLP decoders, checked
 * finite differences for TorchScript ones. With an autoencoder the input is data to encode; with a
 * decoder alone (Tessera's or TorchScript) the input's features are the codes themselves.
 */
public final class LatentGeometryJob extends BaseJob<LatentGeometryConfig> {
  public static final String NAME = "latent-geometry";
  public static final String TABLE = "latent_points";
  public static final String SUMMARY = "latent_summary";

  public LatentGeometryJob() {
    super(NAME, LatentGeometryConfig.class, CountUnit.POINT, TABLE, SUMMARY);
  }

  /** A latent_points row from its identity, the geometry columns and the distortion. */
  static Row row(String modelId, String kind, long pointId, String split, Integer label, Object[] geometry, Double sse, Double mse) {
    Object[] values = new Object[5 + geometry.length + 2];
    values[0] = modelId;
    values[1] = kind;
    values[2] = pointId;
    values[3] = split;
    values[4] = label;
    System.arraycopy(geometry, 0, values, 5, geometry.length);
    values[values.length - 2] = sse;
    values[values.length - 1] = mse;
    return RowFactory.create(values);
  }

  @Override
  public JobRun.Counts execute(JobRun run, LatentGeometryConfig cfg) {
    SparkSession spark = run.spark();
    ModelRef model = ModelRef.of(spark, cfg.model(), cfg.devicePolicy());
    if (cfg.declaredLatentDim() == null && cfg.model().endsWith(".pt")) {
      throw new TesseraException("a TorchScript decoder needs latent_dim or a box: its latent dimension cannot be read from the file");
    }
    LatentModel latent = model.latent(cfg.declaredLatentDim());
    LatentDecoder decoder = latent.decoder();
    int n = decoder.latentDim();
    if (cfg.box() != null && cfg.box().size() != n) {
      throw new TesseraException("the box has " + cfg.box().size() + " axes but the decoder's latent dimension is " + n);
    }
    String route = switch (cfg.route()) {
      case LatentPointRows.EXACT, LatentPointRows.RICCI -> {
        if (decoder.exactJets() == null) {
          throw new TesseraException("route " + cfg.route() + " needs an MLP decoder Tessera trained; " + cfg.model() + " is a black box: use fd");
        }
        yield cfg.route();
      }
      case LatentPointRows.FD -> LatentPointRows.FD;
      default -> decoder.exactJets() != null ? LatentPointRows.EXACT : LatentPointRows.FD;
    };
    long gridPoints = cfg.resolution() == 0 ? 0 : (long) Math.pow(cfg.resolution(), n);
    if (cfg.resolution() > 0 && (n > LatentGeometryConfig.MAX_GRID_DIM || gridPoints > LatentGeometryConfig.MAX_GRID_POINTS)) {
      throw new TesseraException("a grid of " + cfg.resolution() + "^" + n + " points is too large (latent dimension at most "
          + LatentGeometryConfig.MAX_GRID_DIM + ", at most " + LatentGeometryConfig.MAX_GRID_POINTS + " points); set resolution: 0 for the samples alone");
    }

    ValidatedInput.Rows input = null;
    Dataset<Row> coded = null;
    MassPointSearch.LabelledCodes train = null;
    MassPointSearch.LabelledCodes reference = null;
    if (cfg.input() != null) {
      // With an autoencoder the input is data to encode; with a decoder alone its features are the codes.
      int inputDim = latent.autoencoder() != null ? latent.autoencoder().card().inputDim() : n;
      input = ValidatedInput.load(run, cfg, inputDim, cfg.quarantine(), cfg.partitions());
      coded = input.valid().mapPartitions(new LatentCodesPartition(model, cfg.declaredLatentDim(), cfg.batchSize()),
          Encoders.row(LatentCodesPartition.SCHEMA)).persist(StorageLevel.MEMORY_AND_DISK());
      train = subset(coded, cfg.trainSplit(), cfg.kdeCodes(), cfg.seed(), n, cfg.input());
      reference = cfg.referenceSplit() == null ? null : subset(coded, cfg.referenceSplit(), cfg.kdeCodes(), cfg.seed(), n, cfg.input());
    }
    double[][] trainCodes = train == null ? null : train.codes();
    double[][] refCodes = reference == null ? null : reference.codes();
    double[][] box = box(cfg, trainCodes, n);
    LatentPointRows geometry = new LatentPointRows(route, scales(trainCodes, n), cfg.fdEta(), cfg.energyC(), cfg.energyNorm().equals("metric"));
    LatentDensities kdes = densities(trainCodes, refCodes);
    Broadcast<LatentDensities> densities = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(kdes);
    // Each kind of point is a checkpointed stage of its own (grid and Monte Carlo points by id), so a stopped run resumes.
    Encoder<Row> rows = TableSchema.rowEncoder(TABLE);
    List<Dataset<Row>> parts = new ArrayList<>();
    run.phase("computing " + TABLE);
    if (gridPoints > 0) {
      parts.add(run.checkpointed("grid-points", spark.range(gridPoints).toDF(), new LatentPointsPartition(model, cfg.declaredLatentDim(),
          geometry, densities, LatentPointSource.grid(box[0], box[1], cfg.resolution()), cfg.batchSize()), rows, cfg.partitions()));
    }
    if (cfg.mcSamples() > 0) {
      parts.add(run.checkpointed("mc-points", spark.range(cfg.mcSamples()).toDF(), new LatentPointsPartition(model,
          cfg.declaredLatentDim(), geometry, densities, LatentPointSource.monteCarlo(cfg.seed(), proposal(cfg, box)), cfg.batchSize()), rows,
          cfg.partitions()));
    }
    if (input != null) {
      parts.add(run.checkpointed("sample-points", coded, new LatentSamplePartition(model, cfg.declaredLatentDim(), geometry, densities,
          cfg.batchSize()), rows, cfg.partitions()));
    }
    long rowsOut = run.stage(TABLE, parts.stream().reduce(Dataset::union).orElseThrow());
    if (coded != null) {
      coded.unpersist();
    }
    Dataset<Row> points = run.staged(TABLE);
    LatentMassPoints massPoints = new LatentMassPoints(decoder, geometry, kdes, reference != null ? reference : train, cfg.seed(),
        cfg.massMinLocal());
    Row summary = summary(points, cfg, decoder, route, box, gridPoints, train, reference, massPoints);
    run.stage(SUMMARY, spark.createDataFrame(List.of(summary), TableSchema.load(SUMMARY).dataSchema()).coalesce(1));
    densities.destroy();
    long samples = input == null ? 0 : input.rowsIn();
    return new JobRun.Counts(gridPoints + cfg.mcSamples() + samples, rowsOut, input == null ? 0 : input.rejected());
  }

  /** Up to {@code limit} codes of one split with their labels, chosen by a seeded hash of the id, so the same whatever the partitioning. */
  private static MassPointSearch.LabelledCodes subset(Dataset<Row> codes, String split, int limit, long seed, int n, String input) {
    List<Row> rows = codes.where(col("split").equalTo(split)).orderBy(expr("xxhash64(id, " + seed + "L)"), col("id"))
        .limit(limit).select("id", "code", "label").collectAsList();
    if (rows.size() < n + 2) {
      throw new TesseraException("input " + input + ": split '" + split + "' has " + rows.size() + " samples; a density in "
          + n + " dimensions needs at least " + (n + 2));
    }
    return new MassPointSearch.LabelledCodes(rows.stream().mapToLong(r -> r.getLong(0)).toArray(),
        rows.stream().map(r -> r.getList(1).stream().mapToDouble(v -> (Double) v).toArray()).toArray(double[][]::new),
        rows.stream().map(r -> r.isNullAt(2) ? null : r.getInt(2)).toArray(Integer[]::new));
  }

  /** {lo, hi}: the configured box, or the codes' 0.5th to 99.5th percentiles widened by 10% of that range per side. */
  private static double[][] box(LatentGeometryConfig cfg, double[][] codes, int n) {
    double[][] box = new double[2][n];
    for (int d = 0; d < n; d++) {
      if (cfg.box() != null) {
        box[0][d] = cfg.box().get(d).get(0);
        box[1][d] = cfg.box().get(d).get(1);
      } else {
        double[] values = column(codes, d);
        double lo = percentile(values, 0.005);
        double hi = percentile(values, 0.995);
        box[0][d] = lo - 0.1 * (hi - lo);
        box[1][d] = hi + 0.1 * (hi - lo);
      }
    }
    return box;
  }

  /** The Monte Carlo proposal: mc_uniform of the draws uniform on the box, the rest from the training codes' KDE. */
  private static MonteCarloProposal proposal(LatentGeometryConfig cfg, double[][] box) {
    return new MonteCarloProposal(cfg.mcUniform(), box[0], box[1]);
  }

  /** Robust spread per coordinate, IQR / 1.349, the unit of the finite-difference step; 1 without codes. */
  private static double[] scales(double[][] codes, int n) {
    double[] s = new double[n];
    for (int d = 0; d < n; d++) {
      double iqr = codes == null ? 0 : percentile(column(codes, d), 0.75) - percentile(column(codes, d), 0.25);
      s[d] = iqr > 0 ? iqr / 1.349 : 1;
    }
    return s;
  }

  private static double[] column(double[][] codes, int d) {
    double[] v = new double[codes.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = codes[i][d];
    }
    Arrays.sort(v);
    return v;
  }

  private static double percentile(double[] sorted, double q) {
    double at = q * (sorted.length - 1);
    int i = (int) Math.floor(at);
    int j = Math.min(i + 1, sorted.length - 1);
    return sorted[i] + (at - i) * (sorted[j] - sorted[i]);
  }

  /**
   * The training and reference KDEs. Compared point by point (p_ref - p_train), they share the
   * training codes' Scott kernel, so that no deficit comes from the bandwidth alone
   * (docs/methods/latent-curvature.md, One bandwidth for compared densities).
   */
  static LatentDensities densities(double[][] trainCodes, double[][] refCodes) {
    GaussianKde train = trainCodes == null ? null : new GaussianKde(trainCodes);
    GaussianKde reference = refCodes == null ? null : train == null ? new GaussianKde(refCodes) : new GaussianKde(refCodes, train.bandwidth());
    return new LatentDensities(train, reference);
  }

  private static Row summary(Dataset<Row> points, LatentGeometryConfig cfg, LatentDecoder decoder, String route, double[][] box,
      long gridPoints, MassPointSearch.LabelledCodes train, MassPointSearch.LabelledCodes reference, LatentMassPoints massPoints) {
    Dataset<Row> samples = points.where("point_kind = 'sample'");
    Row distortion = samples.selectExpr("count(*)", "CAST(avg(CAST(d_mse AS DECIMAL(38, 18))) AS DOUBLE)").first();
    // ell^2 = E|x|^2 - |E x|^2 over the decoded training codes (over the grid without samples).
    Dataset<Row> spread = train != null ? samples.where(col("split").equalTo(cfg.trainSplit())) : points.where("point_kind = 'grid'");
    double ell2 = lengthScale(spread);
    LatentSummary.Result r = null;
    long fdFailed = 0;
    List<Row> mass = new ArrayList<>();
    String totals = gridPoints > 0 ? LatentPointSource.GRID : cfg.mcSamples() > 0 ? LatentPointSource.MONTE_CARLO : null;
    if (totals != null) {
      List<Row> grid = points.where(col("point_kind").equalTo(totals))
          .select("point_id", "z", "log_sqrt_det_g", "scalar_curvature", "degenerate", "p_train", "p_ref", "grad_f_norm2", "fd_converged",
              "energy_density")
          .orderBy("point_id").collectAsList();
      GridValue[] values = new GridValue[grid.size()];
      for (int i = 0; i < values.length; i++) {
        Row g = grid.get(i);
        values[i] = new GridValue(g.getList(1).stream().mapToDouble(v -> (Double) v).toArray(), g.getDouble(2),
            g.isNullAt(3) ? Double.NaN : g.getDouble(3), g.getBoolean(4), g.isNullAt(5) ? Double.NaN : g.getDouble(5),
            g.isNullAt(6) ? Double.NaN : g.getDouble(6), g.isNullAt(7) ? 0 : g.getDouble(7), g.isNullAt(9) ? Double.NaN : g.getDouble(9));
        fdFailed += !g.isNullAt(8) && !g.getBoolean(8) ? 1 : 0;
      }
      double cell = 1;
      for (int d = 0; d < box[0].length; d++) {
        cell *= (box[1][d] - box[0][d]) / cfg.resolution();
      }
      double[] taus = cfg.taus() == null ? null : cfg.taus().stream().mapToDouble(Double::doubleValue).toArray();
      LatentSummary.Settings settings = new LatentSummary.Settings(taus, cfg.cN(), cfg.potentialKind(), "energy".equals(cfg.massDensity()));
      r = gridPoints > 0 ? LatentSummary.of(values, cfg.resolution(), cell, ell2, settings)
          : LatentSummary.monteCarlo(values, proposal(cfg, box), ell2, settings);
      if (train != null) {
        massPoints.of(r, values, gridPoints > 0 ? box : null, settings.massByEnergy())
            .forEach(m -> mass.add(RowFactory.create(m.pointId(), m.z(), m.density(), m.mass(), m.label())));
      }
    }
    return RowFactory.create(decoder.id(), decoder.latentDim(), decoder.ambientDim(), route,
        cfg.resolution(), box[0], box[1], gridPoints, (long) cfg.mcSamples(), totals, r == null ? null : r.maskPoints(), r == null ? null : r.degenerate(), fdFailed,
        distortion.getLong(0), distortion.isNullAt(1) ? null : distortion.getDouble(1), train == null ? 0 : train.codes().length,
        reference == null ? 0 : reference.codes().length, value(r, LatentSummary.Result::volume), value(r, LatentSummary.Result::maskVolume),
        value(r, LatentSummary.Result::integralR), value(r, LatentSummary.Result::integralR2), value(r, LatentSummary.Result::perelmanF),
        cfg.potential(), r == null ? null : r.taus(), r == null ? null : r.perelmanW(), value(r, LatentSummary.Result::lambdaHat),
        value(r, LatentSummary.Result::lambdaIqr), value(r, LatentSummary.Result::lambdaTrimmedMean), value(r, LatentSummary.Result::kbarMedian),
        r == null ? null : r.regime(), Double.isNaN(ell2) ? null : ell2, value(r, LatentSummary.Result::nis), cfg.cN(), value(r, LatentSummary.Result::informationMass),
        value(r, LatentSummary.Result::insufficiencyMass), value(r, LatentSummary.Result::dis), r == null ? null : r.massDensity(), mass,
        value(r, LatentSummary.Result::effectiveSamples), value(r, LatentSummary.Result::integralR2Error),
        value(r, LatentSummary.Result::energyMass), value(r, s -> s.bootstrap().lambdaHatSe()), value(r, s -> s.bootstrap().nisSe()),
        value(r, s -> s.bootstrap().disSe()));
  }

  /** A summary figure, NULL where it is undefined (NaN) or there is no grid. */
  private static Double value(LatentSummary.Result r, java.util.function.ToDoubleFunction<LatentSummary.Result> f) {
    if (r == null) {
      return null;
    }
    double v = f.applyAsDouble(r);
    return Double.isNaN(v) ? null : v;
  }

  /**
   * ell^2 = E|x|^2 - |E x|^2 over the decoded points. The sums are taken in DECIMAL(38, 18), which
   * adds exactly, so the figure does not depend on the order partitions are combined in.
   */
  private static double lengthScale(Dataset<Row> rows) {
    Row total = rows.selectExpr("count(*)", "sum(CAST(aggregate(decoded, 0D, (acc, d) -> acc + d * d) AS DECIMAL(38, 18)))").first();
    long count = total.getLong(0);
    if (count == 0) {
      return Double.NaN;
    }
    double m2 = 0;
    for (Row c : rows.selectExpr("posexplode(decoded) AS (k, v)").groupBy("k").agg(expr("sum(CAST(v AS DECIMAL(38, 18)))")).collectAsList()) {
      double mean = c.getDecimal(1).doubleValue() / count;
      m2 += mean * mean;
    }
    return total.getDecimal(1).doubleValue() / count - m2;
  }
}
