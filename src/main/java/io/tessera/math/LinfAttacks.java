package io.tessera.math;

/**
 * The arithmetic of L-infinity attacks on flat row-major batches: signed-gradient steps, projection
 * onto the eps-ball around the clean point, and clipping to the data domain. The gradients come
 * from the model layer; nothing here knows about engines.
 */
public final class LinfAttacks {
  private LinfAttacks() {}

  /** The data domain [lo, hi] for every feature, or none. */
  public record Domain(double lo, double hi) implements java.io.Serializable {
    public static final Domain NONE = new Domain(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public Domain {
      if (!(lo < hi)) {
        throw new IllegalArgumentException("domain needs lo < hi, got [" + lo + ", " + hi + "]");
      }
    }

    double clip(double v) {
      return Math.min(hi, Math.max(lo, v));
    }
  }

  /** x + step * sign(grad), then projected onto the eps-ball around {@code clean} and clipped to the domain. */
  public static float[] signedStep(float[] current, float[] clean, float[] grad, double step, double eps, Domain domain) {
    float[] next = new float[current.length];
    for (int i = 0; i < current.length; i++) {
      double moved = current[i] + step * Math.signum(grad[i]);
      double inBall = Math.min(clean[i] + eps, Math.max(clean[i] - eps, moved));
      next[i] = (float) domain.clip(inBall);
    }
    return next;
  }

  /** Largest |adversarial - clean| of each row of a batch. */
  public static double[] linfDistances(float[] adversarial, float[] clean, int dim) {
    double[] d = new double[clean.length / dim];
    for (int i = 0; i < clean.length; i++) {
      d[i / dim] = Math.max(d[i / dim], Math.abs((double) adversarial[i] - clean[i]));
    }
    return d;
  }

  /** Index of the largest output; a single output is a logit, read as class 1 iff it is > 0. */
  public static int prediction(float[] outputs, int offset, int dim) {
    if (dim == 1) {
      return outputs[offset] > 0 ? 1 : 0;
    }
    int best = 0;
    for (int j = 1; j < dim; j++) {
      if (outputs[offset + j] > outputs[offset + best]) {
        best = j;
      }
    }
    return best;
  }
}
