package io.tessera.math;

/** Conversions between the engine's float32 arrays and the float64 arrays the math runs in. */
public final class Precision {
  private Precision() {}

  public static double[] widen(float[] values) {
    double[] out = new double[values.length];
    for (int k = 0; k < values.length; k++) {
      out[k] = values[k];
    }
    return out;
  }

  public static float[] narrow(double[] values) {
    float[] out = new float[values.length];
    for (int k = 0; k < values.length; k++) {
      out[k] = (float) values[k];
    }
    return out;
  }
}
