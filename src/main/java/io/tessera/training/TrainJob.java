package io.tessera.training;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.tessera.TesseraException;
import io.tessera.data.DatasetIO;
import io.tessera.model.classifier.ModelCard;
import io.tessera.model.classifier.NetworkTrainer;
import io.tessera.model.classifier.TrainSpec;
import io.tessera.model.classifier.TrainingSet;
import io.tessera.run.ModelOutput;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code train} job: reads a dataset's train split (and its test split, for metrics) into the
 * driver and trains a reference ReLU MLP (or small CNN) with DJL. Meant for the small reference models that the
 * quickstart and the tests use; it refuses inputs too large to hold on the driver.
 */
public final class TrainJob {
  public static final long MAX_ROWS = 2_000_000;

  private TrainJob() {}

  /** Settings besides the ones in {@link TrainSpec} that depend on the data; no conv filters means an MLP. */
  public record Request(
      String dataset, String out, String modelId, ModelCard.Task task, List<Integer> hidden, int epochs, int batchSize,
      double learningRate, long seed, io.tessera.model.DevicePolicy device, List<Integer> convFilters) {

    /** An MLP. */
    public Request(String dataset, String out, String modelId, ModelCard.Task task, List<Integer> hidden, int epochs, int batchSize,
        double learningRate, long seed, io.tessera.model.DevicePolicy device) {
      this(dataset, out, modelId, task, hidden, epochs, batchSize, learningRate, seed, device, List.of());
    }
  }

  public static ModelCard run(SparkSession spark, Request r, Consumer<String> progress) {
    Dataset<Row> data = DatasetIO.read(spark, r.dataset());
    String targetColumn = r.task() == ModelCard.Task.REGRESSION ? DatasetIO.TARGET : DatasetIO.LABEL;
    TrainingSet train = collect(data, "train", r.dataset(), targetColumn);
    if (train == null) {
      throw new TesseraException("dataset " + r.dataset() + " has no rows with split = 'train'");
    }
    TrainingSet test = collect(data, "test", r.dataset(), targetColumn);
    int outputs = r.task() == ModelCard.Task.REGRESSION ? 1 : classCount(train);
    TrainSpec spec = new TrainSpec(r.modelId(), r.task(), r.hidden(), outputs, r.epochs(), r.batchSize(), r.learningRate(),
        r.seed(), r.device(), r.dataset(), r.convFilters());
    return ModelOutput.write(spark.sparkContext().hadoopConfiguration(), r.out(), dir -> NetworkTrainer.train(train, test, spec, dir, progress));
  }

  /**
   * The rows of one split on the driver, in id order, checked for equal lengths and finite values;
   * {@code targetColumn} (cast to float, never NULL) or, when null, features only (targets 0).
   */
  static TrainingSet collect(Dataset<Row> data, String split, String uri, String targetColumn) {
    Dataset<Row> rows = data.where(col(DatasetIO.SPLIT).equalTo(split)).orderBy(DatasetIO.ID)
        .select(col(DatasetIO.FEATURES), targetColumn == null ? lit(0f) : col(targetColumn).cast("float"));
    List<Row> list = rows.limit((int) MAX_ROWS + 1).collectAsList();
    if (list.size() > MAX_ROWS) {
      throw new TesseraException("split '" + split + "' of " + uri + " has more than " + MAX_ROWS
          + " rows; Tessera trains reference models on the driver");
    }
    if (list.isEmpty()) {
      return null;
    }
    int dim = list.get(0).getList(0).size();
    float[] features = new float[list.size() * dim];
    float[] targets = new float[list.size()];
    for (int i = 0; i < list.size(); i++) {
      Row row = list.get(i);
      List<Float> x = row.getList(0);
      if (x.size() != dim) {
        throw new TesseraException("dataset " + uri + ": column features has " + x.size() + " values in one row and " + dim + " in another");
      }
      for (int k = 0; k < dim; k++) {
        float v = x.get(k);
        if (!Float.isFinite(v)) {
          throw new TesseraException("dataset " + uri + ": column features contains NaN or Inf (split " + split + ", row " + i + ")");
        }
        features[i * dim + k] = v;
      }
      if (row.isNullAt(1)) {
        throw new TesseraException("dataset " + uri + ": column " + targetColumn + " is NULL; the model needs it on every " + split + " row");
      }
      targets[i] = row.getFloat(1);
    }
    return new TrainingSet(features, targets, list.size(), dim);
  }

  private static int classCount(TrainingSet train) {
    float max = 0;
    for (float t : train.targets()) {
      if (t < 0) {
        throw new TesseraException("class labels must be >= 0, found " + t);
      }
      max = Math.max(max, t);
    }
    return (int) max + 1;
  }
}
