/**
 * The machinery every job shares, once: the job contract ({@link io.tessera.run.TesseraJob}), a run's staging,
 * publishing and runs record, input validation and quarantine, model references for executors, batching,
 * non-finite output checks, Spark sessions and the fault-injection hooks of the tests. Below the job families.
 */
package io.tessera.run;
