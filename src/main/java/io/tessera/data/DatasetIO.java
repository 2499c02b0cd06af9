package io.tessera.data;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.tessera.Errors;
import io.tessera.InputException;
import io.tessera.tables.AtomicParquet;
import io.tessera.tables.TableSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads and writes Tessera datasets (schema {@code data-schemas/dataset.sql}) through the Hadoop
 * file system, so file://, hdfs:// and s3a:// paths behave alike. Reading checks every required
 * column and names the file and column in any error.
 */
public final class DatasetIO {
  public static final String ID = "id";
  public static final String SPLIT = "split";
  public static final String LABEL = "label";
  public static final String TARGET = "target";
  public static final String FEATURES = "features";
  public static final String SCHEMA_NAME = "dataset";

  private DatasetIO() {}

  public static StructType schema() {
    return TableSchema.load(SCHEMA_NAME).schema();
  }

  /** The dataset's five standard columns, with integer ids and labels and double features widened or narrowed as needed. */
  public static Dataset<Row> read(SparkSession spark, String uri) {
    try {
      Path path = new Path(uri);
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        throw new InputException("dataset not found: " + uri);
      }
    } catch (IOException e) {
      throw new InputException("cannot open dataset " + uri + ": " + e.getMessage(), e);
    }
    Dataset<Row> df;
    try {
      df = spark.read().parquet(uri);
    } catch (Exception e) { // includes SparkException, which Scala throws undeclared
      throw new InputException("cannot read Parquet dataset " + uri + ": " + Errors.rootMessage(e), e);
    }
    StructType actual = df.schema();
    List<Column> columns = new ArrayList<>();
    columns.add(required(actual, uri, ID, DataTypes.LongType, DataTypes.IntegerType));
    columns.add(optional(actual, uri, SPLIT, DataTypes.StringType, null, lit("all")));
    columns.add(optional(actual, uri, LABEL, DataTypes.IntegerType, DataTypes.LongType, lit(null)));
    columns.add(optional(actual, uri, TARGET, DataTypes.DoubleType, DataTypes.FloatType, lit(null)));
    columns.add(required(actual, uri, FEATURES, DataTypes.createArrayType(DataTypes.FloatType), DataTypes.createArrayType(DataTypes.DoubleType)));
    return df.select(columns.toArray(Column[]::new));
  }

  /**
   * A SQL expression that is NULL for a usable row and otherwise says what is wrong, naming the
   * column: the check behind both rejection and quarantine.
   */
  public static Column rejectReason(int expectedDim) {
    return org.apache.spark.sql.functions.expr(
        "CASE WHEN id IS NULL THEN 'column id is NULL'"
            + " WHEN features IS NULL THEN 'column features is NULL'"
            + " WHEN size(features) <> " + expectedDim
            + " THEN concat('column features has ', size(features), ' values but the model expects " + expectedDim + "')"
            + " WHEN exists(features, v -> v IS NULL OR isnan(v) OR v = float('inf') OR v = float('-inf'))"
            + " THEN 'column features contains NaN, Inf or NULL'"
            + " END");
  }

  public static void write(SparkSession spark, LabeledPoints points, List<String> splits, String uri, boolean overwrite) {
    List<Row> rows = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      rows.add(RowFactory.create(
          (long) i,
          splits.get(i),
          points.labels() == null ? null : points.labels()[i],
          points.targets() == null ? null : points.targets()[i],
          points.features()[i]));
    }
    int partitions = Math.max(1, Math.min(64, points.size() / 50_000));
    AtomicParquet.write(spark, spark.createDataFrame(rows, schema()).repartition(partitions), uri, overwrite);
  }

  private static Column required(StructType actual, String uri, String name, DataType type, DataType castable) {
    StructField field = field(actual, name);
    if (field == null) {
      throw new InputException("dataset " + uri + " has no column '" + name + "' (expected " + type.simpleString() + "; found " + actual.simpleString() + ")");
    }
    return typed(field, uri, type, castable);
  }

  private static Column optional(StructType actual, String uri, String name, DataType type, DataType castable, Column fallback) {
    StructField field = field(actual, name);
    return field == null ? fallback.cast(type).as(name) : typed(field, uri, type, castable);
  }

  private static Column typed(StructField field, String uri, DataType type, DataType castable) {
    DataType found = field.dataType();
    if (sameType(found, type) || (castable != null && sameType(found, castable))) {
      return col(field.name()).cast(type).as(field.name());
    }
    throw new InputException("dataset " + uri + ": column '" + field.name() + "' has type " + found.simpleString()
        + ", expected " + type.simpleString());
  }

  /** Array types match regardless of containsNull, which Parquet writers set inconsistently. */
  private static boolean sameType(DataType a, DataType b) {
    if (a instanceof ArrayType x && b instanceof ArrayType y) {
      return x.elementType().equals(y.elementType());
    }
    return a.equals(b);
  }

  private static StructField field(StructType schema, String name) {
    for (StructField f : schema.fields()) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    return null;
  }
}
