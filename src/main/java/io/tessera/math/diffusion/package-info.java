/**
 * Diffusion-model math on arrays: noise schedules, Tu et al.'s chain likelihood, LMD's masks, lifts, distances and
 * ROC-AUC. No Spark, no DJL; may use {@code io.tessera.math}.
 */
package io.tessera.math.diffusion;
