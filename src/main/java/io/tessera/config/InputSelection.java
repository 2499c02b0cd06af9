package io.tessera.config;

import java.util.List;

/**
 * Which rows of its input dataset a job reads (docs/configuration.md): the dataset, and optionally
 * only some splits, only some ids, and only the rows a Spark SQL predicate over the dataset's
 * columns keeps. Every config of a job that reads a dataset is one.
 */
public interface InputSelection {
  String input();

  /** Only these splits; all when null. */
  List<String> splits();

  /** Only these sample ids; all when null. */
  List<Long> ids();

  /** A Spark SQL predicate over the dataset's columns (id, split, label, features, target); none when null. */
  String where();

  /** The whole of {@code input}, or some of its splits. */
  static InputSelection of(String input, List<String> splits) {
    record Splits(String input, List<String> splits, List<Long> ids, String where) implements InputSelection {}
    return new Splits(input, splits, null, null);
  }
}
