/**
 * Option blocks several commands share: a YAML config with overrides, and training settings.
 */
package io.tessera.cli.options;
