package io.tessera.math.latent;

import io.tessera.EnumNames;

/**
 * Smooth activations with their first and second derivatives (docs/methods/latent-curvature.md,
 * Exact jets of MLP decoders).
 */
public enum SmoothActivation {
  IDENTITY, TANH, SIGMOID, SOFTPLUS, ELU;

  public static SmoothActivation parse(String name) {
    return EnumNames.parse(SmoothActivation.class, name, "activation");
  }

  public String displayName() {
    return EnumNames.display(this);
  }

  /** Writes {sigma(u), sigma'(u), sigma''(u)} into {@code into}: the jets call this per unit, so it allocates nothing. */
  public void derivatives(double u, double[] into) {
    switch (this) {
      case IDENTITY -> set(into, u, 1, 0);
      case TANH -> {
        double t = Math.tanh(u);
        set(into, t, 1 - t * t, -2 * t * (1 - t * t));
      }
      case SIGMOID -> {
        double s = sigmoid(u);
        set(into, s, s * (1 - s), s * (1 - s) * (1 - 2 * s));
      }
      case SOFTPLUS -> {
        double s = sigmoid(u);
        set(into, u > 30 ? u : Math.log1p(Math.exp(u)), s, s * (1 - s));
      }
      case ELU -> {
        if (u > 0) {
          set(into, u, 1, 0);
        } else {
          set(into, Math.expm1(u), Math.exp(u), Math.exp(u));
        }
      }
    }
  }

  private static void set(double[] into, double value, double first, double second) {
    into[0] = value;
    into[1] = first;
    into[2] = second;
  }

  private static double sigmoid(double u) {
    return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
  }
}
