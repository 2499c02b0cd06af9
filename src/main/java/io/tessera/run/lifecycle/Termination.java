package io.tessera.run.lifecycle;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.hadoop.util.ShutdownHookManager;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * What happens to the runs in progress when the JVM is told to stop: SIGTERM from YARN, Kubernetes
 * or Airflow, SIGINT from Ctrl-C, or any other shutdown. A hook in Hadoop's shutdown-hook manager,
 * above Spark's own (priority 40, which stops the SparkContext), hands each registered run the
 * reason, e.g. "terminated by signal SIGTERM", while Spark and the file systems are still up. The
 * JVM then exits as it would have: 143 for SIGTERM, 130 for SIGINT (docs/guarantees.md).
 */
public final class Termination {
  /** Above Spark's hooks (40) and the file-system cache's (10), so both are still open when a run is recorded. */
  static final int PRIORITY = 100;
  private static final long HOOK_SECONDS = 60;

  private static final Set<Consumer<String>> ACTIVE = ConcurrentHashMap.newKeySet();
  private static volatile String signal;
  private static volatile boolean stopping;
  private static boolean installed;

  private Termination() {}

  /** Registers the signal handlers and the shutdown hook, once per JVM. */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    watch("TERM");
    watch("INT");
    ShutdownHookManager.get().addShutdownHook(Termination::stopActiveRuns, PRIORITY, HOOK_SECONDS, TimeUnit.SECONDS);
  }

  /** Records which signal arrived, then lets the JVM's own handler shut it down (and run the hooks). */
  private static void watch(String name) {
    try {
      Signal watched = new Signal(name);
      SignalHandler[] previous = new SignalHandler[1];
      previous[0] = Signal.handle(watched, s -> {
        if (previous[0] == SignalHandler.SIG_IGN) {
          return;
        }
        if (signal == null) {
          signal = "SIG" + s.getName();
        }
        if (previous[0] == SignalHandler.SIG_DFL) {
          Runtime.getRuntime().exit(128 + s.getNumber());
        } else {
          previous[0].handle(s);
        }
      });
    } catch (IllegalArgumentException unavailable) {
      // The JVM was started with -Xrs, or the platform lacks the signal: a stop is then reported as a plain shutdown.
    }
  }

  /** A registered run; closing it (when the run has ended) unregisters it. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Calls {@code onStop} with the reason if the JVM shuts down before the returned registration is
   * closed. {@code onStop} runs on the shutdown thread, concurrently with the run's own thread.
   */
  public static Registration register(Consumer<String> onStop) {
    install();
    ACTIVE.add(onStop);
    return () -> ACTIVE.remove(onStop);
  }

  /** True once the JVM has begun stopping the registered runs; their own threads then record nothing. */
  public static boolean stopping() {
    return stopping;
  }

  static void stopActiveRuns() {
    stopping = true;
    String reason = signal != null ? "terminated by signal " + signal : "terminated: the JVM shut down before the run ended";
    for (Consumer<String> run : ACTIVE) {
      try {
        run.accept(reason);
      } catch (RuntimeException e) {
        System.err.println("tessera: could not record a stopped run: " + e);
      }
    }
  }
}
