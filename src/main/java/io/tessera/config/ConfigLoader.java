package io.tessera.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tessera.ConfigException;
import io.tessera.HadoopFiles;
import io.tessera.RecordKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads job configurations from YAML into typed records. Unknown keys, wrong types and missing
 * required keys are errors that name the key and the file; {@code key=value} overrides from the
 * command line are applied on top of the file.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  /** Key order comes from {@link #sorted}, applied to every object of the tree. */
  private static final ObjectMapper CANONICAL = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private ConfigLoader() {}

  /** The config at {@code file}: a local path, or a URI of any Hadoop file system (hdfs://, s3a://, …). */
  public static <T> T load(String file, List<String> overrides, Class<T> type) {
    io.tessera.AllowedRoots.checkFile("config file", file);
    String text;
    try {
      text = HadoopFiles.read(file);
    } catch (java.io.FileNotFoundException e) {
      throw new ConfigException("config file not found: " + file, e);
    } catch (IOException e) {
      throw new ConfigException("cannot read config " + file + ": " + firstLine(e.getMessage()), e);
    }
    JsonNode tree;
    try {
      tree = YAML.readTree(text);
    } catch (IOException e) {
      throw new ConfigException("config " + file + " is not valid YAML: " + firstLine(e.getMessage()), e);
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      tree = YAML.createObjectNode();
    }
    if (!tree.isObject()) {
      throw new ConfigException("config " + file + " must be a mapping of option: value");
    }
    return bind((ObjectNode) tree, overrides, type, file.toString());
  }

  public static <T> T fromOverrides(List<String> overrides, Class<T> type) {
    return bind(YAML.createObjectNode(), overrides, type, "command-line options");
  }

  /**
   * A typed config from settings as a YAML file would hold them (snake_case keys), with the same
   * defaults and checks; {@code source} names them in errors. The pipeline and tests build configs
   * this way, so nothing depends on the order of a record's components.
   */
  public static <T> T fromMap(java.util.Map<String, ?> settings, Class<T> type, String source) {
    return bind(YAML.valueToTree(settings), List.of(), type, source);
  }

  /**
   * A config record from key, value pairs with snake_case keys, as a YAML file gives them; keys left
   * out take their defaults. Code builds configs this way instead of passing every component in order.
   */
  public static <T> T of(Class<T> type, Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    java.util.Map<String, Object> settings = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      settings.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return fromMap(settings, type, type.getSimpleName() + " settings");
  }

  private static <T> T bind(ObjectNode tree, List<String> overrides, Class<T> type, String source) {
    for (String override : overrides) {
      int eq = override.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException("override '" + override + "' must look like key=value");
      }
      try {
        tree.set(override.substring(0, eq).trim(), YAML.readTree(override.substring(eq + 1)));
      } catch (JsonProcessingException e) {
        throw new ConfigException("override '" + override + "' has an unreadable value", e);
      }
    }
    rejectUnknownKeys(tree, type, source);
    try {
      return YAML.treeToValue(tree, type);
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
      throw new ConfigException("unknown option '" + e.getPropertyName() + "' in " + source + " (known: " + known + ")", e);
    } catch (InvalidFormatException e) {
      throw new ConfigException("bad value '" + e.getValue() + "' for option '" + path(e) + "' in " + source + ": expected " + e.getTargetType().getSimpleName(), e);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ConfigException("invalid config in " + source + ": " + cause.getMessage(), e);
    } catch (MismatchedInputException e) {
      throw new ConfigException("bad or missing option '" + path(e) + "' in " + source + ": " + firstLine(e.getOriginalMessage()), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException("invalid config in " + source + ": " + firstLine(e.getOriginalMessage()), e);
    }
  }

  /** Unknown keys, through the config's unwrapped blocks ({@link RecordKeys}). */
  private static void rejectUnknownKeys(ObjectNode tree, Class<?> type, String source) {
    if (!type.isRecord()) {
      return;
    }
    java.util.Set<String> known = RecordKeys.of(type);
    for (java.util.Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new ConfigException("unknown option '" + name + "' in " + source + " (known: " + String.join(", ", known) + ")");
      }
    }
  }

  /** Canonical JSON (keys sorted at every level) of an effective configuration, recorded in the runs table. */
  public static String canonicalJson(Object config) {
    try {
      return CANONICAL.writeValueAsString(sorted(CANONICAL.valueToTree(config)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("configuration is not serialisable", e);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = CANONICAL.createObjectNode();
      java.util.List<String> names = new java.util.ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      java.util.Collections.sort(names);
      names.forEach(name -> out.set(name, sorted(node.get(name))));
      return out;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode out = CANONICAL.createArrayNode();
      node.forEach(element -> out.add(sorted(element)));
      return out;
    }
    return node;
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String path(MismatchedInputException e) {
    return e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName()).collect(Collectors.joining("."));
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
