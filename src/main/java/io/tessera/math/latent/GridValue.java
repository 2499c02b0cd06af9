package io.tessera.math.latent;

/**
 * What the summary needs of one latent grid point.
 *
 * @param pRef density of the reference codes, NaN without a reference set
 * @param gradF2 |grad f|^2_g of the data-induced potential f = log sqrt(det g) - log p_train
 * @param energy the energy density T00 = rho + (c/2) |grad rho|^2_g of the mass density (rho_ins, or rho_info without a reference); NaN without codes
 */
public record GridValue(double[] z, double logSqrtDetG, double scalarCurvature, boolean degenerate, double pTrain, double pRef, double gradF2,
    double energy) {
  public double sqrtDetG() {
    return Math.exp(logSqrtDetG);
  }

  /** rho_ins = max(0, p_ref - p_train) / sqrt(det g); NaN without a reference set. */
  public double insufficiencyDensity() {
    return Math.max(0, pRef - pTrain) / sqrtDetG();
  }

  /** rho_info = p_train / sqrt(det g). */
  public double informationDensity() {
    return pTrain / sqrtDetG();
  }
}
