/**
 * The command line (picocli): {@code tessera run}, {@code sql}, {@code catalog}, {@code quickstart},
 * {@code pipeline} and the data commands; exit status 2 for a user's error, 70 for a bug. The top layer: it parses
 * options and calls the layers below, and holds no logic of its own.
 */
package io.tessera.cli;
