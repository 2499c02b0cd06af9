/**
 * Diffusion-model jobs: per-sample log-likelihood by Tu et al.'s eq. 23, and LMD's out-of-distribution scores.
 */
package io.tessera.jobs.diffusion;
