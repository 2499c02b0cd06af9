package io.tessera.jobs.localmaps;

import static org.apache.spark.sql.functions.col;

import io.tessera.TesseraException;
import io.tessera.config.InputSelection;
import io.tessera.math.LeastSquaresMap;
import io.tessera.run.BaseJob;
import io.tessera.run.CountUnit;
import io.tessera.run.JobRun;
import io.tessera.run.ValidatedInput;
import io.tessera.tables.TableSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code map-transfer} job (Sattelberg et al. Table 2): how similarly two networks solve a
 * task. For every ordered pair of models (the diagonal included) and each output j, the
 * executors accumulate G = C^T C and H = C^T D over the training samples, C and D holding the two
 * models' maps [w, b] of the same samples in the same order; the driver solves M_j
 * ({@link LeastSquaresMap}), and the test samples are classified with their from-model maps
 * mapped through M_j.
 */
public final class MapTransferJob extends BaseJob<MapTransferConfig> {
  public static final String NAME = "map-transfer";
  public static final String TABLE = "map_transfer";


  /** A factorised G, reused for sums over the same samples (equal up to summation order). */
  private record Factorised(double[][] gram, long rows, LeastSquaresMap solver) {
    private static final double SAME = 1e-9;

    boolean fits(NormalEquations sums) {
      if (sums.rows() != rows) {
        return false;
      }
      double scale = 0;
      double difference = 0;
      for (int r = 0; r < gram.length; r++) {
        for (int c = 0; c < gram.length; c++) {
          scale = Math.max(scale, Math.abs(gram[r][c]));
          difference = Math.max(difference, Math.abs(gram[r][c] - sums.gram()[r][c]));
        }
      }
      return difference <= SAME * scale;
    }
  }

  public MapTransferJob() {
    super(NAME, MapTransferConfig.class, CountUnit.MODEL_PAIR, TABLE);
  }

  @Override
  public JobRun.Counts execute(JobRun run, MapTransferConfig cfg) {
    SparkSession spark = run.spark();
    List<Dataset<Row>> maps = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    int dim = -1;
    int outputs = -1;
    for (String uri : cfg.maps()) {
      Dataset<Row> m = LocalMapsInput.read(spark, uri);
      Row first = m.select("model_id", "gradient").first();
      int d = first.getList(1).size();
      int o = m.agg(org.apache.spark.sql.functions.max("output")).first().getInt(0) + 1;
      if (dim >= 0 && (d != dim || o != outputs)) {
        throw new TesseraException(uri + " has maps of " + o + " outputs x " + d + " inputs, " + cfg.maps().get(0) + " of " + outputs + " x " + dim);
      }
      dim = d;
      outputs = o;
      maps.add(m);
      ids.add(first.getString(0));
    }
    ValidatedInput.Rows input = ValidatedInput.load(run, InputSelection.of(cfg.input(), List.of(cfg.testSplit())), dim, false, 0);
    List<Row> out = new ArrayList<>();
    long testSamples = 0;
    for (int a = 0; a < maps.size(); a++) {
      // G = C^T C depends on the from-model and output only (when every model has maps of the same
      // samples), so its factorisation is reused for each target model.
      Map<Integer, Factorised> factorised = new HashMap<>();
      Dataset<Row> test = LocalMapsInput.samples(maps.get(a), input.valid(), cfg.testSplit(), cfg.maps().get(a), cfg.input()).cache();
      testSamples = test.count();
      for (int b = 0; b < maps.size(); b++) {
        double[][][] transfer = new double[outputs][][];
        int[] ranks = new int[outputs];
        long trainSamples = 0;
        for (int j = 0; j < outputs; j++) {
          Dataset<Row> pairs = maps.get(a).where(col("split").equalTo(cfg.trainSplit()).and(col("output").equalTo(j)))
              .selectExpr("sample_id", "gradient AS from_gradient", "bias AS from_bias")
              .join(maps.get(b).where(col("split").equalTo(cfg.trainSplit()).and(col("output").equalTo(j)))
                  .selectExpr("sample_id", "gradient AS to_gradient", "bias AS to_bias"), "sample_id");
          NormalEquations sums = NormalEquations.accumulate(pairs, dim + 1);
          if (sums.rows() == 0) {
            throw new TesseraException("no " + cfg.trainSplit() + " sample has output " + j + " maps in both " + cfg.maps().get(a) + " and " + cfg.maps().get(b));
          }
          Factorised f = factorised.get(j);
          if (f == null || !f.fits(sums)) {
            f = new Factorised(sums.gram(), sums.rows(), LeastSquaresMap.of(sums.gram(), cfg.ridge(), cfg.rankTolerance()));
            factorised.put(j, f);
          }
          transfer[j] = f.solver().map(sums.cross());
          ranks[j] = f.solver().rank();
          trainSamples = sums.rows();
        }
        Broadcast<double[][][]> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(transfer);
        Row counts = test.mapPartitions(new SurrogateAccuracyPartition(SurrogateAccuracyPartition.linear(shared), outputs, dim),
                Encoders.row(SurrogateAccuracyPartition.COUNTS))
            .agg(org.apache.spark.sql.functions.sum("correct"), org.apache.spark.sql.functions.sum("original_correct")).first();
        shared.destroy();
        out.add(RowFactory.create(ids.get(a), ids.get(b), ranks, trainSamples, testSamples,
            counts.getLong(0) / (double) testSamples, counts.getLong(1) / (double) testSamples));
      }
      test.unpersist();
    }
    long rowsOut = run.stage(TABLE, spark.createDataFrame(out, TableSchema.load(TABLE).dataSchema()).coalesce(1));
    return new JobRun.Counts(rowsOut, rowsOut, 0);
  }
}
