package io.tessera.config;

import io.tessera.model.DevicePolicy;
import java.util.List;

/** The config of a job that runs a model over a selection of a dataset: the shared options are one block. */
public interface DatasetJobConfig extends JobConfig, InputSelection {
  DatasetJobOptions common();

  @Override
  default String input() {
    return common().input();
  }

  @Override
  default String model() {
    return common().model();
  }

  @Override
  default String output() {
    return common().output();
  }

  @Override
  default String runId() {
    return common().runId();
  }

  @Override
  default List<String> splits() {
    return common().splits();
  }

  @Override
  default List<Long> ids() {
    return common().ids();
  }

  @Override
  default String where() {
    return common().where();
  }

  default int partitions() {
    return common().partitions();
  }

  default boolean quarantine() {
    return common().quarantine();
  }

  default String device() {
    return common().device();
  }

  default DevicePolicy devicePolicy() {
    return DevicePolicy.parse(common().device());
  }
}
