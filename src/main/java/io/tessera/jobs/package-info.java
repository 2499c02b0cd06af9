/**
 * The registry of every job ({@link io.tessera.jobs.JobRegistry}); one subpackage per job family, each holding its
 * jobs, their executor-side partitions and their config records. Families depend on {@code run} and the layers
 * below it, never on each other.
 */
package io.tessera.jobs;
