package io.tessera.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tessera.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A job config that unwraps the shared dataset options: flat keys, defaults, unknown and missing keys, canonical JSON. */
class ConfigLoaderTest {
  /** A config shaped like the dataset jobs' ones. */
  record Sample(@JsonUnwrapped DatasetJobOptions common, Integer batchSize) implements DatasetJobConfig {
    Sample {
      batchSize = batchSize == null ? 7 : batchSize;
    }
  }

  @Test
  void flatKeysFillTheSharedBlockAndTheJobsOwnOptions() {
    Sample s = ConfigLoader.of(Sample.class, "input", "in", "model", "m", "output", "out", "batch_size", 3, "ids", List.of(4L, 5L),
        "where", "label = 1", "quarantine", true);
    assertEquals("in", s.input());
    assertEquals(List.of(4L, 5L), s.ids());
    assertEquals("label = 1", s.where());
    assertTrue(s.quarantine());
    assertEquals(3, s.batchSize());
    Sample defaults = ConfigLoader.of(Sample.class, "input", "in", "model", "m", "output", "out");
    assertEquals(0, defaults.partitions());
    assertEquals("auto", defaults.device());
    assertEquals(7, defaults.batchSize());
  }

  @Test
  void unknownAndMissingKeysAreConfigErrorsNamingTheKey() {
    ConfigException unknown = assertThrows(ConfigException.class,
        () -> ConfigLoader.of(Sample.class, "input", "in", "model", "m", "output", "out", "batchsize", 3));
    assertTrue(unknown.getMessage().startsWith("unknown option 'batchsize' in Sample settings (known: batch_size, device, ids, input,"),
        unknown.getMessage());
    ConfigException missing = assertThrows(ConfigException.class, () -> ConfigLoader.of(Sample.class, "model", "m", "output", "out"));
    assertTrue(missing.getMessage().contains("'input'"), missing.getMessage());
    ConfigException emptyIds = assertThrows(ConfigException.class,
        () -> ConfigLoader.of(Sample.class, "input", "in", "model", "m", "output", "out", "ids", List.of()));
    assertTrue(emptyIds.getMessage().contains("ids must be a non-empty list"), emptyIds.getMessage());
  }

  @Test
  void canonicalJsonIsFlatWithKeysSortedAtEveryLevel() {
    Sample s = ConfigLoader.of(Sample.class, "output", "out", "model", "m", "input", "in", "splits", List.of("test"));
    assertEquals("{\"batch_size\":7,\"device\":\"auto\",\"ids\":null,\"input\":\"in\",\"model\":\"m\",\"output\":\"out\",\"partitions\":0,"
        + "\"quarantine\":false,\"run_id\":null,\"splits\":[\"test\"],\"where\":null}", ConfigLoader.canonicalJson(s));
  }
}
