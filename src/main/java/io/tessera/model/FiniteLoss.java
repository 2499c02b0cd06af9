package io.tessera.model;

import io.tessera.TesseraException;

/** Stops training at the first non-finite loss, before the optimiser step spreads it into the weights. */
public final class FiniteLoss {
  private FiniteLoss() {}

  /** {@code where} names the step, e.g. "epoch 3 of 20, batch 7". */
  public static void check(String modelId, String where, float loss) {
    if (!Float.isFinite(loss)) {
      throw new TesseraException("training model '" + modelId + "' diverged: the loss is " + loss + " at " + where
          + "; nothing was saved. Lower the learning rate, or check the training data for extreme values");
    }
  }
}
