/**
 * Tessera's root: the exceptions every layer throws (a user's error is a {@link io.tessera.TesseraException}, of kind
 * config, input or model; anything else is a bug), error-message helpers, the check on allowed file roots, small
 * files by URI through Hadoop (HadoopFiles), how enums and record keys are spelled, and the release version.
 * Depends on nothing else in Tessera.
 */
package io.tessera;
