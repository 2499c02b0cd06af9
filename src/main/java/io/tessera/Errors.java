package io.tessera;

/** Turns deep exception chains from Spark and Parquet into the one line that says what went wrong. */
public final class Errors {
  private Errors() {}

  public static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message).trim();
  }
}
