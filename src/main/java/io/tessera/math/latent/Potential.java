package io.tessera.math.latent;

import io.tessera.EnumNames;

/**
 * The potential f of Perelman's F and W. ZERO: f = 0, so F = integral of R dmu and W(tau) =
 * integral of (tau R - n)(4 pi tau)^(-n/2) dmu (no normalisation constraint). DATA: our
 * data-induced f = log sqrt(det g) - log q, which makes e^-f dmu the code distribution q.
 */
public enum Potential {
  ZERO, DATA;

  public static Potential parse(String name) {
    return EnumNames.parse(Potential.class, name, "potential");
  }

  public String displayName() {
    return EnumNames.display(this);
  }
}
