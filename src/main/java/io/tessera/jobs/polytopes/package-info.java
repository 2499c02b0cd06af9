/**
 * Region jobs on ReLU networks: each sample's polytope, every region of a low-dimensional net in a box, region
 * censuses over many trained nets, and the exact regions a segment crosses.
 */
package io.tessera.jobs.polytopes;
