package io.tessera.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.tessera.ConfigException;
import io.tessera.InputException;
import io.tessera.config.DatasetJobConfig;
import io.tessera.config.InputSelection;
import io.tessera.data.DatasetIO;
import io.tessera.tables.OutputRoot;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The input side shared by every job that runs a model over a dataset: read, select splits, refuse
 * an empty result, and check every row against the model's input dimension. Bad rows fail the run
 * with the first offending id, or go to {@code _rejects} when quarantine is on.
 */
public final class ValidatedInput {
  private static final String REASON = "reason";

  /** Rows that passed (id, split, label, features, target), and the counts for the runs table. */
  public record Rows(Dataset<Row> valid, long rowsIn, long rejected) {}

  private ValidatedInput() {}

  /** A dataset job's input, with its config's quarantine and partitions. */
  public static Rows load(JobRun run, DatasetJobConfig cfg, int inputDim) {
    return load(run, cfg, inputDim, cfg.quarantine(), cfg.partitions());
  }

  public static Rows load(JobRun run, InputSelection selection, int inputDim, boolean quarantine, int partitions) {
    String input = selection.input();
    Dataset<Row> rows = selected(DatasetIO.read(run.spark(), input), selection);
    long rowsIn = rows.count();
    if (rowsIn == 0) {
      throw new InputException("input dataset " + input + " is empty" + describe(selection));
    }
    Dataset<Row> checked = withDuplicates(rows, input, quarantine).withColumn(REASON,
        org.apache.spark.sql.functions.coalesce(col(REASON), DatasetIO.rejectReason(inputDim)));
    long rejected = 0;
    if (quarantine) {
      Dataset<Row> rejects = checked.where(col(REASON).isNotNull())
          .select(col(DatasetIO.ID).as("sample_id"), col(DatasetIO.SPLIT), col(REASON), lit(input).as("source"));
      rejected = run.stage(OutputRoot.REJECTS, rejects.coalesce(1));
    } else {
      List<Row> bad = checked.where(col(REASON).isNotNull()).select(DatasetIO.ID, REASON).limit(1).collectAsList();
      if (!bad.isEmpty()) {
        throw new InputException("input " + input + ": sample id " + bad.get(0).get(0) + ": " + bad.get(0).getString(1)
            + " (set quarantine: true to divert bad rows to _rejects)");
      }
    }
    Dataset<Row> valid = checked.where(col(REASON).isNull())
        .select(DatasetIO.ID, DatasetIO.SPLIT, DatasetIO.LABEL, DatasetIO.FEATURES, DatasetIO.TARGET);
    return new Rows(partitions > 0 ? valid.repartition(partitions) : valid, rowsIn, rejected);
  }

  /** The rows of the selected splits, ids and predicate; a predicate Spark cannot use is a config error. */
  private static Dataset<Row> selected(Dataset<Row> rows, InputSelection selection) {
    if (selection.splits() != null) {
      rows = rows.where(col(DatasetIO.SPLIT).isin(selection.splits().toArray()));
    }
    if (selection.ids() != null) {
      rows = rows.where(col(DatasetIO.ID).isin(selection.ids().toArray()));
    }
    if (selection.where() != null) {
      try {
        rows = rows.where(selection.where());
        rows.schema(); // analysis is lazy: resolve the predicate's columns here
      } catch (Exception e) { // Spark throws its (checked) AnalysisException undeclared: a wrong column, a typo
        throw new ConfigException("option 'where': cannot select rows of " + selection.input() + " with '" + selection.where() + "': "
            + io.tessera.Errors.rootMessage(e), e);
      }
    }
    return rows;
  }

  private static String describe(InputSelection selection) {
    List<String> parts = new java.util.ArrayList<>();
    if (selection.splits() != null) {
      parts.add("splits " + selection.splits());
    }
    if (selection.ids() != null) {
      parts.add("ids " + selection.ids());
    }
    if (selection.where() != null) {
      parts.add("where " + selection.where());
    }
    return parts.isEmpty() ? "" : " after selecting " + String.join(", ", parts);
  }

  /**
   * Adds the column reason, set on every copy of an id that repeats within its split. Only (split,
   * id) pairs are shuffled to find them; without quarantine the first one fails the run.
   */
  private static Dataset<Row> withDuplicates(Dataset<Row> rows, String input, boolean quarantine) {
    Dataset<Row> repeated = rows.groupBy(DatasetIO.SPLIT, DatasetIO.ID).count().where("count > 1").drop("count");
    List<Row> first = repeated.limit(1).collectAsList();
    if (first.isEmpty()) {
      return rows.withColumn(REASON, lit(null).cast("string"));
    }
    if (!quarantine) {
      throw new InputException("input " + input + ": column id has duplicate value " + first.get(0).getAs(DatasetIO.ID) + " in split '"
          + first.get(0).getAs(DatasetIO.SPLIT) + "' (ids name samples in every output table; set quarantine: true to divert all copies to _rejects)");
    }
    Dataset<Row> reasons = org.apache.spark.sql.functions.broadcast(repeated).withColumn(REASON,
        org.apache.spark.sql.functions.concat(lit("column id: value "), col(DatasetIO.ID).cast("string"), lit(" repeats in its split")));
    return rows.join(reasons, JoinKeys.of(DatasetIO.SPLIT, DatasetIO.ID), "left");
  }

  /** Fails when an id repeats anywhere in the rows, across splits too; {@code why} says which job needs that. */
  public static void requireGloballyUniqueIds(Dataset<Row> rows, String input, String why) {
    List<Row> duplicate = rows.groupBy(DatasetIO.ID).count().where("count > 1").limit(1).collectAsList();
    if (!duplicate.isEmpty()) {
      throw new InputException("input " + input + ": column id has duplicate value " + duplicate.get(0).getAs(DatasetIO.ID) + "; " + why);
    }
  }

  /** Reads the features of a batch of (id, split, label, features) rows into one row-major array. */
  public static float[] features(List<Row> batch, int dim) {
    float[] inputs = new float[batch.size() * dim];
    for (int i = 0; i < batch.size(); i++) {
      scala.collection.Seq<Object> features = batch.get(i).getSeq(3);
      for (int k = 0; k < dim; k++) {
        inputs[i * dim + k] = (Float) features.apply(k);
      }
    }
    return inputs;
  }
}
