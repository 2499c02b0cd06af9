package io.tessera.model;

import ai.djl.engine.Engine;

/**
 * The one entry point to the DJL PyTorch engine. Offline mode is forced before the engine loads, so
 * the native library is taken from the pytorch-native jar on the classpath and nothing is downloaded.
 */
public final class DjlRuntime {
  public static final String ENGINE = "PyTorch";

  /**
   * DJL allows one gradient collector per JVM at a time, so concurrent tasks of an executor take
   * turns for backward passes and training (each still uses the engine's intra-op threads).
   * Training holds it throughout, which also keeps the engine-wide random seed its own.
   */
  public static final Object AUTOGRAD = new Object();

  private DjlRuntime() {}

  public static synchronized Engine engine() {
    System.setProperty("ai.djl.offline", "true");
    return Engine.getEngine(ENGINE);
  }

  public static String version() {
    return engine().getVersion();
  }
}
