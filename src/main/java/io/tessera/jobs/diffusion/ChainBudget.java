package io.tessera.jobs.diffusion;

import io.tessera.TesseraException;

/**
 * The diffusion jobs hold every chain of a batch in memory at once (several double and float
 * copies of samples x chains-per-sample x dim values), so a batch is capped before any work.
 */
final class ChainBudget {
  /** Values per batch: 2^24 doubles is 128 MB per copy. */
  static final long MAX_VALUES = 1L << 24;

  private ChainBudget() {}

  static void require(int batchSize, int chainsPerSample, int dim, String option) {
    long values = (long) batchSize * chainsPerSample * dim;
    if (values > MAX_VALUES) {
      throw new TesseraException("batch_size x " + option + " x " + dim + " values per sample = " + values + " exceeds " + MAX_VALUES
          + " per batch; lower batch_size to at most " + Math.max(1, MAX_VALUES / ((long) chainsPerSample * dim)));
    }
  }
}
