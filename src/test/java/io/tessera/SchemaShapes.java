package io.tessera;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/** Column names and types in order, for comparing what a job wrote with data-schemas/. */
public final class SchemaShapes {
  private SchemaShapes() {}

  /** Nullability is dropped because Parquet readers mark every column nullable. */
  public static List<String> of(StructType schema) {
    return Arrays.stream(schema.fields()).map(f -> f.name() + " " + f.dataType().asNullable().simpleString()).toList();
  }
}
