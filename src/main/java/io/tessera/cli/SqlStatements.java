package io.tessera.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at the semicolons that end them, as Spark's parser reads
 * the text: not inside '…' or "…" literals (backslash escapes, or a doubled quote), `…`
 * identifiers (a doubled backtick), -- line comments or /* … *&#47; comments (which nest).
 * Statements holding nothing but comments and blanks are dropped.
 */
final class SqlStatements {
  private SqlStatements() {}

  static List<String> split(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean content = false;
    int i = 0;
    int n = script.length();
    while (i < n) {
      char ch = script.charAt(i);
      int end;
      if (ch == '\'' || ch == '"' || ch == '`') {
        end = quoted(script, i, ch);
      } else if (ch == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
        end = script.indexOf('\n', i);
        end = end < 0 ? n : end;
        current.append(script, i, end);
        i = end;
        continue;
      } else if (ch == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
        end = blockComment(script, i);
        current.append(script, i, end);
        i = end;
        continue;
      } else if (ch == ';') {
        if (content) {
          statements.add(current.toString().trim());
        }
        current.setLength(0);
        content = false;
        i++;
        continue;
      } else {
        end = i + 1;
      }
      content |= !Character.isWhitespace(ch);
      current.append(script, i, end);
      i = end;
    }
    if (content) {
      statements.add(current.toString().trim());
    }
    return statements;
  }

  /** The index just past the literal or identifier opened by {@code quote} at {@code start} (the text's end if unclosed). */
  private static int quoted(String s, int start, char quote) {
    int i = start + 1;
    while (i < s.length()) {
      char ch = s.charAt(i);
      if (ch == '\\' && quote != '`') {
        i += 2;
      } else if (ch == quote) {
        if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
          i += 2; // a doubled quote stands for itself
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return s.length();
  }

  /** The index just past the bracketed comment opened at {@code start}, counting nested ones. */
  private static int blockComment(String s, int start) {
    int depth = 0;
    int i = start;
    while (i < s.length()) {
      if (s.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (s.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return s.length();
  }
}
