package io.tessera;

/** An input dataset that cannot be used: missing, corrupt, empty, wrong columns or dimensions, NaN or Inf, repeated ids. The message names the file, column or option and the reason. */
public class InputException extends TesseraException {
  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
