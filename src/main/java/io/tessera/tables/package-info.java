/**
 * Output tables: their schemas (one DDL per table in data-schemas/), staging and atomic publishing under an output
 * root, and the runs table. May use {@code data}; no models, no jobs.
 */
package io.tessera.tables;
