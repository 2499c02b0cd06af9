package io.tessera.config;

/**
 * What every job config says about its run: where its tables go, the run id, and (for the runs
 * table) the input dataset and the model it reads, when it reads them.
 */
public interface JobConfig {
  String output();

  /** The requested run id, or null for a generated one. */
  String runId();

  default String input() {
    return null;
  }

  default String model() {
    return null;
  }
}
