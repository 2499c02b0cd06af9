/**
 * The audit pipeline: named stages (data, train, jobs, report) run in order, each recorded as a run, resumable by
 * stage keys. Job stages get typed configs from the job registry.
 */
package io.tessera.pipeline;
