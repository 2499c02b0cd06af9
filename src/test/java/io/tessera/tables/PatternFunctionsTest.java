package io.tessera.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.TestSpark;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The bit-vector SQL functions on hand-packed words: 5 = units 0 and 2; -1 = all 64 units (a
 * BIGINT word is signed, the bits are not); 2^63 (written -9223372036854775808) = unit 63 only.
 */
class PatternFunctionsTest {
  private static Row one(String sql) {
    return TestSpark.get().sql(sql).first();
  }

  @Test
  void readTheUnitsInTheOrderTheTablesPackThem() {
    assertEquals("1010", one("SELECT bits_string(array(5L), 4)").getString(0));
    assertEquals("1".repeat(64) + "01" + "0".repeat(62), one("SELECT bits_string(array(-1L, 2L))").getString(0));
    assertEquals("0".repeat(63) + "1", one("SELECT bits_string(array(-9223372036854775808L))").getString(0));
    assertEquals(66, one("SELECT bits_count(array(-1L, 5L))").getInt(0));
    assertEquals(1, one("SELECT bits_count(array(-9223372036854775808L))").getInt(0));
    assertEquals(3, one("SELECT hamming(array(5L, 0L), array(4L, 3L))").getInt(0));
    assertEquals(0, one("SELECT hamming(array(-1L), array(-1L))").getInt(0));
    Row bits = one("SELECT bit_at(array(5L), 0), bit_at(array(5L), 1), bit_at(array(5L), 2), bit_at(array(0L, 1L), 64)");
    assertEquals(List.of(1, 0, 1, 1), List.of(bits.getInt(0), bits.getInt(1), bits.getInt(2), bits.getInt(3)));
  }

  @Test
  void nullGivesNullAndMisuseGivesAReason() {
    Row nulls = one("SELECT bits_count(CAST(NULL AS ARRAY<BIGINT>)), hamming(array(1L), NULL), bits_string(array(1L), NULL)");
    assertTrue(nulls.isNullAt(0) && nulls.isNullAt(1) && nulls.isNullAt(2));
    SparkSession spark = TestSpark.get();
    assertReason(spark, "SELECT hamming(array(1L), array(1L, 2L))", "bit vectors of 1 and 2 words");
    assertReason(spark, "SELECT bit_at(array(1L), 64)", "unit 64 is outside 0..63");
    assertReason(spark, "SELECT bits_string(array(1L), 65)", "width 65 is outside 0..64");
    assertReason(spark, "SELECT bits_count(array(1L), 2)", "bits_count takes 1 arguments, got 2");
  }

  @Test
  void theCatalogServesTheSameFunctionsToSessionsTesseraDidNotOpen() {
    // What a spark-sql user gets with --conf spark.sql.catalog.tessera=io.tessera.tables.PatternFunctionCatalog.
    Row r = one("SELECT tessera.bits_string(array(5L), 3), tessera.bits_count(array(7L)), tessera.hamming(array(1L), array(2L)),"
        + " tessera.bit_at(array(4L), 2)");
    assertEquals("101", r.getString(0));
    assertEquals(List.of(3, 2, 1), List.of(r.getInt(1), r.getInt(2), r.getInt(3)));
    assertEquals(List.of("bit_at", "bits_count", "bits_string", "hamming"),
        java.util.Arrays.stream(new PatternFunctionCatalog().listFunctions(new String[0])).map(f -> f.name()).toList());
  }

  private static void assertReason(SparkSession spark, String sql, String reason) {
    Exception e = assertThrows(Exception.class, () -> spark.sql(sql).collect());
    String all = e.toString() + (e.getCause() == null ? "" : e.getCause().toString());
    assertTrue(all.contains(reason), sql + ": " + all);
  }
}
