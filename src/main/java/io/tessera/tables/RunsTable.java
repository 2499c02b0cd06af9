package io.tessera.tables;

import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Appends run records to {@code <root>/runs}, one partition per run, published like any table. */
public final class RunsTable {
  public static final String NAME = "runs";

  private RunsTable() {}

  public static void append(SparkSession spark, OutputRoot root, RunRecord r) {
    Row row =
        RowFactory.create(
            r.job(),
            r.status(),
            r.message(),
            r.config(),
            r.configHash(),
            r.input(),
            r.model(),
            r.modelSha256(),
            Timestamp.from(r.startedAt()),
            Timestamp.from(r.endedAt()),
            r.rowsIn(),
            r.rowsOut(),
            r.rowsRejected(),
            r.outputs(),
            r.versions());
    TableSchema schema = TableSchema.load(NAME);
    root.stage(NAME, r.runId(), spark.createDataFrame(List.of(row), schema.dataSchema()).coalesce(1));
    root.publish(r.runId(), List.of(NAME));
  }
}
