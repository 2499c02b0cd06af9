package io.tessera.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.SchemaShapes;
import io.tessera.TestSpark;
import io.tessera.cli.TesseraMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the jobs write has exactly the schema of data-schemas/*.sql, and those files work as a user
 * runs them: CREATE TABLE over the output, then MSCK REPAIR TABLE.
 */
class SchemasTest {
  @TempDir Path tmp;

  private static String ddl(String name) throws Exception {
    return Files.readString(Path.of(System.getProperty("tessera.project.dir", "."), "data-schemas", name + ".sql"));
  }

  @Test
  void theOutputTableListNamesEverySchemaFile() throws Exception {
    try (var files = Files.list(Path.of(System.getProperty("tessera.project.dir", "."), "data-schemas"))) {
      List<String> names = files.map(f -> f.getFileName().toString().replace(".sql", "")).filter(n -> !n.equals("dataset")).sorted().toList();
      assertEquals(names, TableSchema.OUTPUT_TABLES.stream().sorted().toList());
    }
  }

  @Test
  void outputTablesHaveExactlyTheDeclaredSchemas() throws Exception {
    SparkSession spark = TestSpark.get();
    Path out = tmp.resolve("root");
    String data = tmp.resolve("data").toString();
    assertEquals(0, TesseraMain.execute("generate", "xor", "--n", "200", "--out", data));
    String model = tmp.resolve("model").toString();
    assertEquals(0, TesseraMain.execute("train", "--data", data, "--out", model, "--epochs", "2", "--hidden", "6,5"));
    assertEquals(0, TesseraMain.execute("run", "patterns", "--set", "input=" + data, "--set", "model=" + model,
        "--set", "output=" + out, "--set", "quarantine=true"));
    assertEquals(0, TesseraMain.execute("run", "perturbation-grid", "--set", "input=" + data, "--set", "model=" + model,
        "--set", "output=" + out, "--set", "radii=[0.1, 0.3]", "--set", "directions=3"));
    assertEquals(0, TesseraMain.execute("run", "adversarial", "--set", "input=" + data, "--set", "model=" + model,
        "--set", "output=" + out, "--set", "epsilon=0.05", "--set", "pgd_steps=2"));
    assertEquals(0, TesseraMain.execute("run", "hamming-neighbours", "--set", "input=" + data, "--set", "model=" + model,
        "--set", "output=" + out, "--set", "block_size=64"));
    assertEquals(0, TesseraMain.execute("run", "segment-crossings", "--set", "input=" + data, "--set", "model=" + model,
        "--set", "output=" + out, "--set", "pairs=[[0, 1], [2, 3]]", "--set", "bisection=true"));
    // Quarantine with nothing to quarantine still publishes an (empty) _rejects partition.
    spark.conf().set("tessera.root", out.toString());
    spark.conf().set("tessera.dataset", data);
    for (String table : List.of("activation_patterns", "runs", "rejects", "dataset", "perturbation_hamming", "perturbation_summary", "adversarial_examples", "nearest_neighbours", "neighbour_agreement", "segment_crossings")) {
      spark.sql("DROP TABLE IF EXISTS " + table);
      spark.sql(ddl(table).replaceAll("(?m)^--.*$", "").replace(";", ""));
      TableSchema declared = TableSchema.load(table);
      if (!declared.partitionColumns().isEmpty()) {
        spark.sql("MSCK REPAIR TABLE " + table);
      }
      String location = table.equals("dataset") ? data : out.resolve(table.equals("rejects") ? OutputRoot.REJECTS : table).toString();
      StructType written = spark.read().parquet(location).schema();
      assertEquals(SchemaShapes.of(declared.schema()), SchemaShapes.of(written), table + " as written");
      assertEquals(SchemaShapes.of(declared.schema()), SchemaShapes.of(spark.table(table).schema()), table + " through the DDL");
      assertEquals(spark.read().parquet(location).count(), spark.table(table).count(), table + " rows through the DDL");
      spark.sql("DROP TABLE " + table);
    }
  }
}
