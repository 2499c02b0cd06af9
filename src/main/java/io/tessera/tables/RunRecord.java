package io.tessera.tables;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One row of the runs table: what ran, with which configuration, how it ended and what it wrote. */
public record RunRecord(
    String runId,
    String job,
    String status,
    String message,
    String config,
    String configHash,
    String input,
    String model,
    String modelSha256,
    Instant startedAt,
    Instant endedAt,
    String unit,
    long rowsIn,
    long rowsOut,
    long rowsRejected,
    Long tableRows,
    List<String> outputs,
    Map<String, String> versions) {

  public static final String SUCCEEDED = "SUCCEEDED";
  public static final String FAILED = "FAILED";
}
