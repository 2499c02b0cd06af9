/**
 * Loading any model a job names (a Tessera model directory or a TorchScript file, through the Hadoop file system)
 * and the per-JVM cache executors share. May use every {@code model} package.
 */
package io.tessera.model.load;
