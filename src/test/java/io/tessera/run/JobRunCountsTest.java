package io.tessera.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.JobFixtures;
import io.tessera.TestSpark;
import io.tessera.tables.OutputRoot;
import io.tessera.tables.RunsTable;
import io.tessera.tables.TableSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counts contract JobRun holds every job to (docs/tables.md, What the counts count). */
class JobRunCountsTest {
  @TempDir static Path tmp;

  private static JobRun.Result run(String out, String runId, long tableRows, JobRun.Counts counts) {
    JobRun.Description d = new JobRun.Description("counting", CountUnit.INPUT_ROW, "things", Map.of("rows", tableRows), null, null, runId,
        out, false);
    return JobRun.execute(TestSpark.get(), d, run -> {
      run.stage("things", TestSpark.get().range(tableRows).toDF());
      return counts;
    });
  }

  @Test
  void theRecordGivesTheUnitAndTheMainTablesOwnRowCount() {
    String out = tmp.resolve("good").toString();
    run(out, "two-per-unit", 6, new JobRun.Counts(4, 3, 1));
    assertEquals(List.of("input row", 4L, 3L, 1L, 6L), JobFixtures.runCounts(out, "two-per-unit"));
  }

  @Test
  void countsThatBreakTheInvariantFailTheRunAsABugWithNothingPublished() {
    String out = tmp.resolve("bad").toString();
    IllegalStateException bug = assertThrows(IllegalStateException.class, () -> run(out, "lost-a-row", 3, new JobRun.Counts(3, 2, 0)));
    assertTrue(bug.getMessage().contains("counted 3 input rows in but 2 out and 0 rejected"), bug.getMessage());
    assertFalse(Files.exists(Path.of(out, "things")), "nothing published");
    Row record = TestSpark.get().read().parquet(out + "/runs/run_id=lost-a-row").first();
    assertEquals("FAILED", record.getAs("status"));
    assertEquals("input row", record.getAs("unit"));
    assertTrue(record.isNullAt(record.fieldIndex("table_rows")));
  }

  @Test
  void runsRecordedBeforeTheColumnsExistedStillReadWithNulls() {
    String out = tmp.resolve("mixed").toString();
    run(out, "new", 2, new JobRun.Counts(2, 2, 0));
    // A partition written before unit and table_rows existed: the same record, without those columns.
    StructType old = new StructType(Stream.of(TableSchema.load(RunsTable.NAME).dataSchema().fields())
        .filter(f -> !f.name().equals("unit") && !f.name().equals("table_rows")).toArray(StructField[]::new));
    Object[] values = new Object[old.size()];
    values[old.fieldIndex("job")] = "patterns";
    values[old.fieldIndex("rows_in")] = 5L;
    TestSpark.get().createDataFrame(List.of(RowFactory.create(values)), old).write().parquet(out + "/runs/run_id=old");

    SparkSession spark = TestSpark.get().newSession();
    new OutputRoot(out, spark.sparkContext().hadoopConfiguration()).registerViews(spark);
    List<Row> rows = spark.sql("SELECT run_id, unit, rows_in, table_rows FROM runs ORDER BY run_id").collectAsList();
    assertEquals("[[new,input row,2,2], [old,null,5,null]]", rows.toString());
  }
}
