/**
 * Training as a step of its own: read a dataset, train a model through the {@code model} packages, and write it
 * with its card wherever the user asked (local or any Hadoop file system).
 */
package io.tessera.training;
