package io.tessera.cli.options;

import io.tessera.config.ConfigLoader;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The --config FILE and --set KEY=VALUE options of commands driven by one YAML config. */
public final class ConfigOptions {
  @Option(names = "--config", required = true, paramLabel = "FILE", description = "YAML config (see conf/): a local path or a Hadoop URI (hdfs://, s3a://).")
  String config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one config option; repeatable.")
  List<String> overrides = new ArrayList<>();

  public <T> T load(Class<T> type) {
    return ConfigLoader.load(config, overrides, type);
  }
}
