/**
 * Output tables: their schemas (one DDL per table in data-schemas/), staging and atomic publishing under an output
 * root, the runs table, SQL functions over their bit vectors, and query results exported for other tools. May use
 * {@code math}; no models, no jobs.
 */
package io.tessera.tables;
