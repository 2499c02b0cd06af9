package io.tessera;

/** A config file, override or option that cannot be used: unreadable, unknown key, wrong type or value out of range. The message names the file, column or option and the reason. */
public class ConfigException extends TesseraException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
