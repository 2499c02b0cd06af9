package io.tessera.math.latent;

import io.tessera.TesseraException;
import java.util.Locale;

/** Smooth activations with their first and second derivatives (digest section 2c). */
public enum SmoothActivation {
  IDENTITY, TANH, SIGMOID, SOFTPLUS, ELU;

  public static SmoothActivation parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TesseraException("unknown activation '" + name + "'; smooth decoders use tanh, sigmoid, softplus or elu");
    }
  }

  public String displayName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {sigma(u), sigma'(u), sigma''(u)}. */
  public double[] derivatives(double u) {
    return switch (this) {
      case IDENTITY -> new double[] {u, 1, 0};
      case TANH -> {
        double t = Math.tanh(u);
        yield new double[] {t, 1 - t * t, -2 * t * (1 - t * t)};
      }
      case SIGMOID -> {
        double s = sigmoid(u);
        yield new double[] {s, s * (1 - s), s * (1 - s) * (1 - 2 * s)};
      }
      case SOFTPLUS -> {
        double s = sigmoid(u);
        yield new double[] {u > 30 ? u : Math.log1p(Math.exp(u)), s, s * (1 - s)};
      }
      case ELU -> u > 0 ? new double[] {u, 1, 0} : new double[] {Math.expm1(u), Math.exp(u), Math.exp(u)};
    };
  }

  private static double sigmoid(double u) {
    return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
  }
}
