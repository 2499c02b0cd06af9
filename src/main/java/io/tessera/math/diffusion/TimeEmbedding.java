package io.tessera.math.diffusion;

/** The sinusoidal embedding of a step index that the eps-network sees next to x_t. */
public final class TimeEmbedding {
  private TimeEmbedding() {}

  /** [sin(t w_i), cos(t w_i)] for w_i = 10000^(-i / (dim / 2)), i < dim / 2; dim must be even. */
  public static float[] sinusoidal(int t, int dim) {
    if (dim <= 0 || dim % 2 != 0) {
      throw new IllegalArgumentException("the time embedding needs a positive even size, got " + dim);
    }
    int half = dim / 2;
    float[] out = new float[dim];
    for (int i = 0; i < half; i++) {
      double angle = t * Math.exp(-Math.log(10000) * i / half);
      out[i] = (float) Math.sin(angle);
      out[half + i] = (float) Math.cos(angle);
    }
    return out;
  }
}
