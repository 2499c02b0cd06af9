package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TestSpark;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tessera sql's exports read back to the same values, and scripts come from files, pipes and standard input. */
class SqlExportTest {
  private static final String QUERY = "SELECT id, name, bits, score, flag FROM things ORDER BY id";
  @TempDir static Path tmp;
  static String root;

  @BeforeAll
  static void table() {
    root = tmp.resolve("root").toString();
    // Names that need CSV quoting or TSV escaping, an empty string, a NULL, and arrays.
    TestSpark.get().sql("""
        SELECT * FROM VALUES
          (1L, 'plain', array(5L, -1L), 0.5D, true),
          (2L, 'comma, and "quotes"', array(0L), -1.25E-7D, false),
          (3L, 'two\\nlines\\tand a tab', CAST(NULL AS ARRAY<BIGINT>), NULL, NULL),
          (4L, '', array(), 3.0D, true),
          (5L, NULL, array(7L), 1.0E300D, false)
        AS t(id, name, bits, score, flag)""").write().parquet(root + "/things");
  }

  @Test
  void csvParsesBackToTheSameValues() {
    Path csv = tmp.resolve("things.csv");
    assertEquals(0, sql("--format", "csv", "--out", csv.toString(), QUERY));
    SparkSession spark = TestSpark.get();
    List<Row> back = spark.read().option("header", true).option("multiLine", true).option("escape", "\"").csv(csv.toString()).collectAsList();
    spark.read().parquet(root + "/things").createOrReplaceTempView("things");
    List<Row> expected = spark.sql("SELECT CAST(id AS STRING), name, CAST(bits AS STRING), CAST(score AS STRING), CAST(flag AS STRING)"
        + " FROM things ORDER BY id").collectAsList();
    assertEquals(expected.size(), back.size());
    for (int i = 0; i < expected.size(); i++) {
      for (int c = 0; c < 5; c++) {
        String want = expected.get(i).getString(c);
        String got = back.get(i).getString(c);
        // Spark's CSV reader reads both NULL (an empty field) and "" back as NULL; the file tells them apart.
        assertEquals(want == null || want.isEmpty() ? null : want, got, "row " + i + ", column " + c);
      }
    }
    String text = read(csv);
    assertTrue(text.startsWith("id,name,bits,score,flag\r\n"), text);
    assertTrue(text.contains("\r\n4,\"\",[],3.0,true\r\n"), "an empty string is \"\": " + text);
    assertTrue(text.contains("\r\n5,,[7],1.0E300,false\r\n"), "NULL is an empty field: " + text);
    assertTrue(text.contains("\"comma, and \"\"quotes\"\"\""), text);
  }

  @Test
  void tsvJsonAndParquet() {
    Path tsv = tmp.resolve("things.tsv");
    assertEquals(0, sql("--format", "tsv", "--out", tsv.toString(), "--limit", "3", QUERY));
    List<String> lines = read(tsv).lines().toList();
    assertEquals(4, lines.size(), "a header and --limit 3 rows");
    assertEquals("3\ttwo\\nlines\\tand a tab\t\t\t", lines.get(3));

    Path json = tmp.resolve("things.json");
    assertEquals(0, sql("--format", "json", "--out", json.toString(), QUERY));
    List<String> objects = read(json).lines().toList();
    assertEquals(5, objects.size(), "one object per line");
    assertTrue(objects.get(2).contains("\"bits\":null") && objects.get(2).contains("\"score\":null"), "NULLs are kept: " + objects.get(2));
    Row fifth = TestSpark.get().read().json(json.toString()).orderBy("id").collectAsList().get(4);
    assertTrue(fifth.isNullAt(fifth.fieldIndex("name")));
    assertEquals(1.0e300, fifth.getDouble(fifth.fieldIndex("score")));

    String parquet = tmp.resolve("things-parquet").toString();
    assertEquals(0, sql("--format", "parquet", "--out", parquet, QUERY));
    SparkSession spark = TestSpark.get();
    spark.read().parquet(root + "/things").createOrReplaceTempView("things");
    assertEquals(spark.sql(QUERY).schema().simpleString(), spark.read().parquet(parquet).schema().simpleString());
    assertEquals(0, spark.read().parquet(parquet).exceptAll(spark.sql(QUERY)).count());
  }

  @Test
  void refusesToOverwriteOrToStreamParquetAndLeavesNoPartialFile() throws java.io.IOException {
    Path taken = tmp.resolve("taken.csv");
    assertEquals(0, sql("--format", "csv", "--out", taken.toString(), QUERY));
    String before = read(taken);
    assertEquals(2, sql("--format", "csv", "--out", taken.toString(), QUERY));
    assertEquals(before, read(taken));
    assertEquals(2, sql("--format", "parquet", QUERY));
    assertEquals(2, sql("--format", "table", "--out", tmp.resolve("t.txt").toString(), QUERY));
    assertEquals(2, sql("--format", "xml", QUERY));
    // A query that fails while it is written (bit_at beyond the vector) leaves nothing at --out.
    Path failed = tmp.resolve("failed.csv");
    assertEquals(2, sql("--format", "csv", "--out", failed.toString(), "SELECT bit_at(bits, 64) FROM things WHERE bits IS NOT NULL"));
    assertFalse(Files.exists(failed));
    try (var files = Files.list(tmp)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().contains("partial")), "no partial file left beside it");
    }
  }

  @Test
  void scriptsFromStandardInputWithSemicolonsInLiterals() {
    String script = "SELECT 'a;b' AS x;\n-- a comment; with a semicolon\nSELECT concat(name, ';') AS y FROM things WHERE id = 1;";
    InputStream stdin = System.in;
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      assertEquals(0, sql("--format", "csv", "--file", "-"));
    } finally {
      System.setIn(stdin);
      System.setOut(stdout);
    }
    assertEquals("y\r\nplain;\r\n", captured.toString(StandardCharsets.UTF_8));
    StringWriter err = new StringWriter();
    assertEquals(2, TesseraMain.execute(new PrintWriter(err), "sql", "--root", root, "SELECT 1; SELECT nope FROM things"));
    assertTrue(err.toString().contains("SQL statement 2 of 2 (SELECT nope FROM things): [UNRESOLVED_COLUMN"), err.toString());
  }

  /** A query that fails while it runs (not when parsed) is the user's error, naming the statement and Spark's reason. */
  @Test
  void anErrorRaisedWhileTheQueryRunsNamesTheStatement() {
    for (String format : List.of("table", "csv")) {
      StringWriter err = new StringWriter();
      int status = TesseraMain.execute(new PrintWriter(err), "sql", "--root", root, "--format", format,
          "SELECT 1; SELECT id DIV (id - id) FROM things");
      assertEquals(2, status, err.toString());
      assertTrue(err.toString().contains("SQL statement 2 of 2 (SELECT id DIV (id - id) FROM things): [DIVIDE_BY_ZERO]"), err.toString());
      assertFalse(err.toString().contains("bug"), err.toString());
    }
  }

  private static int sql(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "sql";
    all[1] = "--root";
    all[2] = root;
    System.arraycopy(args, 0, all, 3, args.length);
    return TesseraMain.execute(new PrintWriter(new StringWriter()), all);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
