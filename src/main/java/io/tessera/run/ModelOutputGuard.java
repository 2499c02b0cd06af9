package io.tessera.run;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.tessera.ModelException;
import io.tessera.data.DatasetIO;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;

/**
 * Stages a table of model outputs and refuses every sample for which the model produced NaN or an
 * infinity (an overflow on extreme but finite inputs, say): the run fails naming the first sample
 * and column, or, with quarantine, all of that sample's rows move from the table to {@code _rejects}
 * with the reason. Inputs were checked finite before; this checks what the model made of them.
 */
public final class ModelOutputGuard {
  private static final String SAMPLE = "sample_id";

  /** Rows left in the table, and samples moved to {@code _rejects}. */
  public record Checked(long rowsOut, long rejectedSamples) {}

  private ModelOutputGuard() {}

  /** Checks {@code table}, staged by {@code run} with {@code rowsOut} rows, on the model-output {@code columns}. */
  public static Checked check(JobRun run, String table, long rowsOut, String input, boolean quarantine, String... columns) {
    Dataset<Row> staged = run.staged(table);
    Column reason = reason(staged.schema(), columns);
    List<Row> offending = staged.where(reason.isNotNull()).select(col(SAMPLE), col(DatasetIO.SPLIT), reason).limit(1).collectAsList();
    if (offending.isEmpty()) {
      return new Checked(rowsOut, 0);
    }
    if (!quarantine) {
      throw new ModelException("input " + input + ": sample id " + offending.get(0).get(0) + " (split '" + offending.get(0).get(1) + "'): "
          + offending.get(0).getString(2) + " (set quarantine: true to divert such samples to _rejects)");
    }
    return divert(run, table, reason, input);
  }

  /**
   * Moves every sample of the staged {@code table} that has a row where {@code reason} is not null
   * (all of that sample's rows) to {@code _rejects}, with the reason; returns what is left.
   */
  public static Checked divert(JobRun run, String table, Column reason, String input) {
    Dataset<Row> unchecked = run.unstage(table);
    Dataset<Row> refused = unchecked.where(reason.isNotNull()).groupBy(col(SAMPLE), col(DatasetIO.SPLIT))
        .agg(first(reason).as("reason"));
    Dataset<Row> kept = unchecked.join(refused, JoinKeys.of(SAMPLE, DatasetIO.SPLIT), "left_anti")
        .select(Arrays.stream(unchecked.columns()).map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    long left = run.stage(table, kept);
    run.appendRejects(refused.select(col(SAMPLE), col(DatasetIO.SPLIT), col("reason"), lit(input).as("source")));
    return new Checked(left, refused.count());
  }

  /** The first non-finite column of a row as a reason, or null. */
  private static Column reason(StructType schema, String... columns) {
    Column[] reasons = new Column[columns.length];
    for (int i = 0; i < columns.length; i++) {
      String c = columns[i];
      String test = schema.apply(c).dataType() instanceof ArrayType
          ? "exists(`" + c + "`, v -> isnan(v) OR abs(v) = double('Infinity'))"
          : "isnan(`" + c + "`) OR abs(`" + c + "`) = double('Infinity')";
      reasons[i] = when(expr(test), lit("model output column " + c + " is NaN or infinite"));
    }
    return coalesce(reasons);
  }
}
