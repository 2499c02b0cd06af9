package io.tessera;

/** A model that cannot be used: missing, corrupt, non-finite, the wrong kind for the job, or refused on this device. The message names the file, column or option and the reason. */
public class ModelException extends TesseraException {
  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
