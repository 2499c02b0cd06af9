package io.tessera.cli;

import io.tessera.model.DevicePolicy;
import picocli.CommandLine.Option;

/** The options every training command shares: data, output, seed, device and model id. */
final class TrainingOptions {
  @Option(names = "--data", required = true, paramLabel = "DATASET", description = "Dataset URI (Parquet).")
  String data;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model directory to write (any Hadoop file system URI).")
  String out;

  @Option(names = "--seed", defaultValue = "1", description = "Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}.")
  String device;

  @Option(names = "--model-id", description = "Id recorded in the card and in every result row. Default: the directory name.")
  String modelId;

  String modelId() {
    return modelId == null ? new org.apache.hadoop.fs.Path(out).getName() : modelId;
  }

  DevicePolicy device() {
    return DevicePolicy.parse(device);
  }
}
