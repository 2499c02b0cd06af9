package io.tessera;

/**
 * A failure the user can act on: bad input, a missing file, a wrong option. The message names the
 * thing (file, column, option) and the reason; the CLI prints it in one line and exits with status
 * 2. {@link ConfigException}, {@link InputException} and {@link ModelException} say which kind it
 * is. Any other exception is a bug in Tessera: the CLI prints its stack trace and exits with 70.
 */
public class TesseraException extends RuntimeException {
  public TesseraException(String message) {
    super(message);
  }

  public TesseraException(String message, Throwable cause) {
    super(message, cause);
  }
}
