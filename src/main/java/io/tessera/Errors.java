package io.tessera;

/**
 * Turns deep exception chains from Spark and Parquet into the one line that says what went wrong,
 * and tells a user's error (which the user can fix) from a bug in Tessera.
 */
public final class Errors {
  private Errors() {}

  /**
   * The user's error in a chain: the first {@link TesseraException} (also when Spark wrapped one
   * thrown on an executor), or an {@link InputException} for a file that could not be read (a
   * garbled Parquet footer, a missing path, an I/O failure); null when the chain shows a bug.
   */
  public static TesseraException userError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TesseraException te) {
        return te;
      }
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.io.IOException || t instanceof org.apache.parquet.io.ParquetDecodingException
          || (t instanceof org.apache.spark.SparkThrowable st && st.getCondition() != null
              && (st.getCondition().startsWith("FAILED_READ_FILE") || st.getCondition().startsWith("PATH_NOT_FOUND")))) {
        return new InputException(rootMessage(e), e);
      }
    }
    return null;
  }

  public static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message).trim();
  }
}
