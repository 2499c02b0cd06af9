package io.tessera.math.polytope;

import java.util.function.Supplier;

/**
 * A time limit on the polytope work of one sample, on the calling thread: every LP solve checks
 * it first and gives GLOP only the time that is left, so a sample whose LPs stall stops within
 * the limit (plus one check) instead of holding its task slot (docs/jobs/polytopes.md, time limit).
 */
public final class Deadline {
  private static final ThreadLocal<Long> END = new ThreadLocal<>();

  private Deadline() {}

  /** Thrown when the work of a sample runs past its limit. */
  public static final class Exceeded extends RuntimeException {
    Exceeded() {
      super("time limit", null, false, false);
    }
  }

  /** Runs {@code work} with at most {@code seconds} of it (no limit when {@code seconds} is null). */
  public static <T> T within(Double seconds, Supplier<T> work) {
    if (seconds == null) {
      return work.get();
    }
    Long outer = END.get();
    END.set(System.nanoTime() + (long) (seconds * 1e9));
    try {
      return work.get();
    } finally {
      END.set(outer);
    }
  }

  /** Throws {@link Exceeded} once the limit has passed. */
  public static void check() {
    Long end = END.get();
    if (end != null && System.nanoTime() >= end) {
      throw new Exceeded();
    }
  }

  /** Seconds left under the limit, or null without one. */
  static Double remainingSeconds() {
    Long end = END.get();
    return end == null ? null : Math.max(0, end - System.nanoTime()) / 1e9;
  }
}
