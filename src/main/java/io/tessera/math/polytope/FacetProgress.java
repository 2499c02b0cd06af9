package io.tessera.math.polytope;

import java.util.BitSet;

/** Where a long facet computation is: rows decided so far (facet or not), facets found, LPs solved. */
@FunctionalInterface
public interface FacetProgress {
  FacetProgress NONE = (decided, rows, facets, lps, seconds) -> {};
  /** How often {@link FacetSearch} reports. */
  long EVERY_NANOS = 10_000_000_000L;

  void report(int decided, int rows, int facets, int lps, double seconds);

  /** Calls {@code progress} when {@code everyNanos} have passed since the last report (0: at every tick). */
  final class Clock {
    private final FacetProgress progress;
    private final long everyNanos;
    private final long started = System.nanoTime();
    private long due;

    Clock(FacetProgress progress, long everyNanos) {
      this.progress = progress;
      this.everyNanos = everyNanos;
      this.due = started + everyNanos;
    }

    void tick(BitSet decided, int rows, BitSet facets, int lps) {
      long now = System.nanoTime();
      if (now >= due) {
        due = now + everyNanos;
        progress.report(decided.cardinality(), rows, facets.cardinality(), lps, (now - started) / 1e9);
      }
    }
  }
}
