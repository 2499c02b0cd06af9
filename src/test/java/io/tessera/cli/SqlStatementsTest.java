package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlStatementsTest {
  @Test
  void splitsOnlyAtTheSemicolonsThatEndStatements() {
    assertEquals(List.of("SELECT 'a;b' AS x", "SELECT \"c;d\"", "SELECT `odd;name` FROM t"),
        SqlStatements.split("SELECT 'a;b' AS x; SELECT \"c;d\";\nSELECT `odd;name` FROM t;"));
    assertEquals(List.of("SELECT 'it''s; fine'", "SELECT 'back\\'slash; too'", "SELECT `a``;b`"),
        SqlStatements.split("SELECT 'it''s; fine'; SELECT 'back\\'slash; too'; SELECT `a``;b`"));
  }

  @Test
  void commentsHideSemicolonsAndCommentOnlyStatementsAreDropped() {
    assertEquals(List.of("-- one; two\nSELECT 1", "SELECT /* a; /* nested; */ b; */ 2"),
        SqlStatements.split("-- one; two\nSELECT 1;\n-- nothing here;\n;; SELECT /* a; /* nested; */ b; */ 2; /* trailing; */"));
    assertEquals(List.of(), SqlStatements.split("  ; -- only a comment\n /* and; another */ "));
    assertEquals(List.of("SELECT 'unclosed; literal"), SqlStatements.split("SELECT 'unclosed; literal"), "Spark's parser reports it");
  }
}
