/**
 * Latent geometry (Sreehari et al., Lazarev): a decoder's pullback metric, curvature, densities and run totals over a
 * latent grid or encoded samples.
 */
package io.tessera.jobs.latent;
