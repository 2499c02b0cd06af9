/**
 * {@code tessera report}: the HTML run report and the PNG figures.
 */
package io.tessera.cli.report;
