package io.tessera.run;

import io.tessera.config.JobConfig;
import java.util.List;

/** The name, config type, count unit and tables of a job, given once to its constructor. */
public abstract class BaseJob<C extends JobConfig> implements TesseraJob<C> {
  private final String name;
  private final Class<C> configType;
  private final CountUnit unit;
  private final List<String> tables;

  protected BaseJob(String name, Class<C> configType, CountUnit unit, String... tables) {
    this.name = name;
    this.configType = configType;
    this.unit = unit;
    this.tables = List.of(tables);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Class<C> configType() {
    return configType;
  }

  @Override
  public final CountUnit countUnit() {
    return unit;
  }

  @Override
  public final List<String> tables() {
    return tables;
  }
}
