package io.tessera.jobs;

import io.tessera.math.latent.GaussianKde;
import java.io.Serializable;

/** The code densities every executor evaluates: training (null without codes) and reference (null without a reference split). */
record LatentDensities(GaussianKde train, GaussianKde reference) implements Serializable {}
