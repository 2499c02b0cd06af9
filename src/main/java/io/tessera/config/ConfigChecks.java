package io.tessera.config;

import io.tessera.TesseraException;
import io.tessera.model.DevicePolicy;
import io.tessera.tables.OutputRoot;
import java.util.List;

/** Checks of the options every dataset-over-model job shares, with the same messages everywhere. */
public final class ConfigChecks {
  static final int MAX_BATCH = 1 << 16;

  private ConfigChecks() {}

  /** Runs a check the math layer makes on a setting; its IllegalArgumentException becomes a config error. */
  public static void setting(Runnable check) {
    try {
      check.run();
    } catch (IllegalArgumentException e) {
      throw new io.tessera.ConfigException(e.getMessage(), e);
    }
  }

  /** ids, when given, name samples; where, when given, is a predicate. */
  public static void selection(List<Long> ids, String where) {
    if (ids != null && (ids.isEmpty() || ids.contains(null))) {
      throw new io.tessera.ConfigException("ids must be a non-empty list of sample ids, got " + ids);
    }
    if (where != null && where.isBlank()) {
      throw new io.tessera.ConfigException("where must be a Spark SQL predicate over the dataset's columns, got an empty one");
    }
  }

  public static void batchSize(int batchSize) {
    if (batchSize < 1 || batchSize > MAX_BATCH) {
      throw new TesseraException("batch_size must be in 1.." + MAX_BATCH + ", got " + batchSize);
    }
  }

  /** A box [lo, hi] (the same for every coordinate). */
  public static void box(List<Double> box) {
    interval(box, "box");
  }

  /** {@code key} must be [lo, hi] with finite lo < hi (a box side, a clamp or clip range). */
  public static void interval(List<Double> range, String key) {
    if (range.size() != 2 || range.stream().anyMatch(v -> v == null || !Double.isFinite(v)) || !(range.get(0) < range.get(1))) {
      throw new TesseraException(key + " must be [lo, hi] with finite lo < hi, got " + range);
    }
  }

  public static void common(int partitions, String device, String runId, List<String> splits) {
    if (partitions < 0) {
      throw new TesseraException("partitions must be >= 0 (0 keeps the input's partitioning), got " + partitions);
    }
    DevicePolicy.parse(device);
    if (runId != null) {
      OutputRoot.checkRunId(runId);
    }
    if (splits != null && splits.isEmpty()) {
      throw new TesseraException("splits, when given, must name at least one split");
    }
  }
}
