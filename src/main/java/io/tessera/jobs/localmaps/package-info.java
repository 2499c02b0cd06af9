/**
 * Local linear maps (Sattelberg et al.): every sample's Jacobian and affine map, k-means surrogates of the maps,
 * and least-squares transfer between networks' maps.
 */
package io.tessera.jobs.localmaps;
