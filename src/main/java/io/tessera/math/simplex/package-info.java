/**
 * A dense primal simplex that walks the vertices of one polyhedron for many objectives in turn:
 * the redundancy tests of a region's rows without an LP model per row
 * (docs/methods/polytopes-and-regions.md, Facets by a vertex walk). Arrays only; no Spark, no DJL.
 */
package io.tessera.math.simplex;
