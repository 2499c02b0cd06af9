/**
 * Tessera's root: the exceptions every layer throws (a user's error is a {@link io.tessera.TesseraException}, of kind
 * config, input or model; anything else is a bug), error-message helpers and the check on allowed file roots.
 * Depends on nothing else in Tessera.
 */
package io.tessera;
