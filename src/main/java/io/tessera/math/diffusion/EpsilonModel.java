package io.tessera.math.diffusion;

/** The noise predictor eps_theta(x_t, t) of a DDPM, on a batch of rows at one step index. */
@FunctionalInterface
public interface EpsilonModel {
  /** Predictions for {@code rows} states x_t (row-major, rows x dim) at step index t. */
  double[] predict(double[] states, int rows, int dim, int t);
}
