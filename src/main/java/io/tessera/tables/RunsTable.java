package io.tessera.tables;

import io.tessera.TesseraException;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Appends run records to {@code <root>/runs}, one partition per run, published like any table.
 * The driver writes the one-row Parquet file itself, through the Hadoop file system, with no Spark
 * task: a run stopped by a signal is recorded even while every task slot is busy (docs/guarantees.md).
 */
public final class RunsTable {
  public static final String NAME = "runs";

  /** data-schemas/runs.sql without the run_id partition column, in Spark's Parquet layout (3-level lists and maps). */
  private static final MessageType SCHEMA = Types.buildMessage()
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("job")
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("status")
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("message")
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("config")
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("config_hash")
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("input")
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("model")
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("model_sha256")
      .optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named("started_at")
      .optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named("ended_at")
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("unit")
      .optional(PrimitiveTypeName.INT64).named("rows_in")
      .optional(PrimitiveTypeName.INT64).named("rows_out")
      .optional(PrimitiveTypeName.INT64).named("rows_rejected")
      .optional(PrimitiveTypeName.INT64).named("table_rows")
      .optionalGroup().as(LogicalTypeAnnotation.listType())
          .repeatedGroup().optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("element").named("list")
          .named("outputs")
      .optionalGroup().as(LogicalTypeAnnotation.mapType())
          .repeatedGroup()
              .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("key")
              .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("value")
              .named("key_value")
          .named("versions")
      .named("spark_schema");

  private RunsTable() {}

  public static void append(OutputRoot root, RunRecord r) {
    Path file = new Path(root.stagingPath(NAME, r.runId()), "part-00000-" + UUID.randomUUID() + ".snappy.parquet");
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(file, root.fileSystem().getConf()))
        .withType(SCHEMA).withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
      writer.write(row(r));
    } catch (IOException e) {
      throw new TesseraException("could not write the runs record of " + r.runId() + " to " + file + ": " + e.getMessage(), e);
    }
    root.publish(r.runId(), List.of(NAME));
  }

  private static Group row(RunRecord r) {
    Group row = new SimpleGroupFactory(SCHEMA).newGroup();
    Map<String, String> strings = new LinkedHashMap<>();
    strings.put("job", r.job());
    strings.put("status", r.status());
    strings.put("message", r.message());
    strings.put("config", r.config());
    strings.put("config_hash", r.configHash());
    strings.put("input", r.input());
    strings.put("model", r.model());
    strings.put("model_sha256", r.modelSha256());
    strings.put("unit", r.unit());
    strings.forEach((column, value) -> {
      if (value != null) {
        row.append(column, value);
      }
    });
    row.append("started_at", micros(r.startedAt()));
    row.append("ended_at", micros(r.endedAt()));
    row.append("rows_in", r.rowsIn());
    row.append("rows_out", r.rowsOut());
    row.append("rows_rejected", r.rowsRejected());
    if (r.tableRows() != null) {
      row.append("table_rows", r.tableRows());
    }
    Group outputs = row.addGroup("outputs");
    r.outputs().forEach(o -> outputs.addGroup("list").append("element", o));
    Group versions = row.addGroup("versions");
    r.versions().forEach((k, v) -> versions.addGroup("key_value").append("key", k).append("value", v));
    return row;
  }

  private static long micros(Instant t) {
    return TimeUnit.SECONDS.toMicros(t.getEpochSecond()) + t.getNano() / 1_000;
  }
}
