/**
 * ReLU-network polytopes on arrays: a sample's region, its facets and Chebyshev ball by linear programming
 * (OR-Tools), and region enumeration in a box (docs/methods/polytopes-and-regions.md). No Spark, no DJL.
 */
package io.tessera.math.polytope;
