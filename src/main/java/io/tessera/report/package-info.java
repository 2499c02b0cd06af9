/**
 * Figures (XChart PNGs) and the self-contained HTML run report, read from published tables. May use {@code tables},
 * {@code data}, {@code model} and {@code math}; no jobs.
 */
package io.tessera.report;
