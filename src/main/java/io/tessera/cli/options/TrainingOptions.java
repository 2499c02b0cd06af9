package io.tessera.cli.options;

import io.tessera.model.DevicePolicy;
import picocli.CommandLine.Option;

/** The options every training command shares: data, output, seed, device and model id. */
public final class TrainingOptions {
  @Option(names = "--data", required = true, paramLabel = "DATASET", description = "Dataset URI (Parquet).")
  public String data;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model directory to write (any Hadoop file system URI).")
  public String out;

  @Option(names = "--seed", defaultValue = "1", description = "Default: ${DEFAULT-VALUE}.")
  public long seed;

  @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}.")
  public String device;

  @Option(names = "--model-id", description = "Id recorded in the card and in every result row. Default: the directory name.")
  public String modelId;

  public String modelId() {
    return modelId == null ? new org.apache.hadoop.fs.Path(out).getName() : modelId;
  }

  public DevicePolicy device() {
    return DevicePolicy.parse(device);
  }
}
