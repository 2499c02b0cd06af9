/**
 * Vietoris–Rips persistent homology on arrays (no Spark, no DJL): persistent cohomology over Z/p
 * with clearing and emergent pairs, simplices named by the combinatorial number system, max–min
 * landmarks with their covering radius, and Betti numbers read off a diagram
 * (docs/methods/persistence.md).
 */
package io.tessera.math.topology;
