package io.tessera.tables;

import io.tessera.TesseraException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * An output table's schema, read from its DDL file in {@code data-schemas/}. The DDL is the single
 * source of truth: jobs build their rows against it and users run it to create catalog tables.
 */
public record TableSchema(String name, StructType schema, List<String> partitionColumns) {
  private static final Pattern PARTITIONED_BY = Pattern.compile("PARTITIONED\\s+BY\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);

  /** Every table a job writes under an output root, one DDL file each (the dataset DDL describes inputs). */
  public static final List<String> OUTPUT_TABLES = List.of("activation_patterns", "adversarial_examples", "betti", "diffusion_loglik",
      "diffusion_loglik_summary", "generated_samples", "latent_points", "latent_summary", "local_maps", "map_clusters", "map_transfer", "nearest_neighbours", "neighbour_agreement",
      "ood_scores", "ood_summary", "persistence_diagrams", "perturbation_hamming", "perturbation_summary", "polytope_summary", "polytopes", "region_census",
      "region_census_summary", "region_summary", "regions", "rejects", "runs", "sample_metrics", "sample_metrics_summary", "segment_crossings");

  public static TableSchema load(String name) {
    return parse(name, ddl(name));
  }

  /** The DDL without its "--" comments and blank lines (the schema files put no "--" inside strings). */
  public static String withoutComments(String ddl) {
    StringBuilder code = new StringBuilder();
    for (String line : ddl.split("\n")) {
      int comment = line.indexOf("--");
      String kept = comment >= 0 ? line.substring(0, comment) : line;
      if (!kept.isBlank()) {
        code.append(kept.stripTrailing()).append('\n');
      }
    }
    return code.toString();
  }

  /** The text of {@code data-schemas/<name>.sql}, comments included. */
  public static String ddl(String name) {
    String resource = "data-schemas/" + name + ".sql";
    try (InputStream in = TableSchema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new TesseraException("no schema file " + resource + " on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TesseraException("cannot read schema file " + resource + ": " + e.getMessage(), e);
    }
  }

  /** Extracts the column list of {@code CREATE TABLE name (...)} and its partition columns. */
  static TableSchema parse(String name, String ddl) {
    String text = withoutComments(ddl);
    int open = text.indexOf('(');
    int depth = 0;
    int close = -1;
    for (int i = open; i >= 0 && i < text.length(); i++) {
      char c = text.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth == 0) {
        close = i;
        break;
      }
    }
    if (open < 0 || close < 0) {
      throw new TesseraException("schema of " + name + " has no column list");
    }
    StructType schema = StructType.fromDDL(text.substring(open + 1, close));
    List<String> partitions = new ArrayList<>();
    Matcher m = PARTITIONED_BY.matcher(text.substring(close));
    if (m.find()) {
      for (String column : m.group(1).split(",")) {
        partitions.add(column.trim());
      }
    }
    return new TableSchema(name, schema, partitions);
  }

  /** The encoder of rows of table {@code name} as a job writes them (its DDL without the run_id partition column). */
  public static Encoder<Row> rowEncoder(String name) {
    return Encoders.row(load(name).dataSchema());
  }

  /** The columns stored inside the Parquet files: all but the partition columns. */
  public StructType dataSchema() {
    StructType data = new StructType();
    for (var field : schema.fields()) {
      if (!partitionColumns.contains(field.name())) {
        data = data.add(field);
      }
    }
    return data;
  }
}
