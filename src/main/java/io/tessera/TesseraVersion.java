package io.tessera;

/** The Tessera release written into model cards and the runs table: the jar's version, "dev" in a build tree. */
public final class TesseraVersion {
  private TesseraVersion() {}

  public static String current() {
    String v = TesseraVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
