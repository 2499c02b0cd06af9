/**
 * Activation-pattern jobs (Liu et al.): patterns, adversarial examples, Hamming nearest neighbours and perturbation
 * grids.
 */
package io.tessera.jobs.patterns;
