/**
 * Pure math on arrays: activation patterns, local maps, least squares, nearest neighbours, point-cloud checks and
 * distances, segment crossings and the float64 convolution reference. No Spark, no DJL, no I/O; depends on nothing
 * else in Tessera.
 */
package io.tessera.math;
