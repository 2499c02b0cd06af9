package io.tessera;

/**
 * A failure the user can act on: bad input, a missing file, a wrong option. The message names the
 * thing (file, column, option) and the reason; the CLI prints it and exits non-zero.
 */
public class TesseraException extends RuntimeException {
  public TesseraException(String message) {
    super(message);
  }

  public TesseraException(String message, Throwable cause) {
    super(message, cause);
  }
}
