package io.tessera.jobs.localmaps;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

import io.tessera.TesseraException;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reading local_maps partitions (from the jacobians job) for the jobs built on them. */
public final class LocalMapsInput {
  private LocalMapsInput() {}

  /** A local_maps partition with a clear error when it is missing, corrupt, foreign or empty. */
  public static Dataset<Row> read(SparkSession spark, String uri) {
    Dataset<Row> maps;
    try {
      maps = spark.read().parquet(uri);
    } catch (Exception e) { // AnalysisException is thrown undeclared
      throw new TesseraException("cannot read the local_maps table " + uri + ": " + io.tessera.Errors.rootMessage(e), e);
    }
    for (String column : List.of("model_id", "sample_id", "split", "output", "gradient", "bias")) {
      if (!Arrays.asList(maps.columns()).contains(column)) {
        throw new TesseraException(uri + " has no column " + column + ": give a local_maps partition written by the jacobians job");
      }
    }
    if (maps.isEmpty()) {
      throw new TesseraException("the local_maps table " + uri + " is empty");
    }
    return maps;
  }

  /**
   * One row per sample of {@code split}: (maps: its [output, gradient, bias] list, label, features),
   * the input SurrogateAccuracyPartition takes. Labels are required.
   */
  static Dataset<Row> samples(Dataset<Row> maps, Dataset<Row> dataset, String split, String mapsUri, String datasetUri) {
    Dataset<Row> rows = maps.where(col("split").equalTo(split))
        .groupBy("sample_id").agg(collect_list(struct("output", "gradient", "bias")).as("maps"))
        .join(dataset.selectExpr("id AS sample_id", "label", "features"), "sample_id")
        .select("maps", "label", "features");
    if (rows.isEmpty()) {
      throw new TesseraException("no " + split + " samples in " + mapsUri + " that are also in " + datasetUri);
    }
    if (!rows.where("label IS NULL").isEmpty()) {
      throw new TesseraException("column label of " + datasetUri + " is NULL for some " + split + " samples: accuracy needs labels");
    }
    return rows;
  }
}
