package io.tessera.math.latent;

/**
 * A decoder's second-order expansion at one latent point, in float64: the decoded point psi (N),
 * the tangents d psi / dz^i (n vectors of N) and the symmetric Hessian vectors
 * d^2 psi / dz^i dz^j (n x n vectors of N).
 */
public record Jet(double[] value, double[][] tangents, double[][][] hessian) {
  public int latentDim() {
    return tangents.length;
  }

  public int ambientDim() {
    return value.length;
  }
}
