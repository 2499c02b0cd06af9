package io.tessera.jobs.topology;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.ConfigException;

/** Two point sources compared by {@code sample-metrics}: the reference sample and the one judged against it. */
public record Comparison(@JsonProperty(required = true) PointSource real, @JsonProperty(required = true) PointSource fake)
    implements java.io.Serializable {

  public Comparison {
    if (real == null || fake == null) {
      throw new ConfigException("a comparison needs both real and fake sources");
    }
  }
}
