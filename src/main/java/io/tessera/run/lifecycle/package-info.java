/**
 * How a run behaves over time, below the job machinery of {@code run}: what happens when the JVM
 * is told to stop ({@link io.tessera.run.lifecycle.Termination}). May use tables, config and the
 * layers below; never Spark jobs of its own.
 */
package io.tessera.run.lifecycle;
