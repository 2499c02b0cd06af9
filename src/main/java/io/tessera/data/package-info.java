/**
 * Datasets: the Parquet layout (data-schemas/dataset.sql), validation of its columns, synthetic generators, MNIST
 * IDX import and splits. May use {@code math}; no models, no jobs.
 */
package io.tessera.data;
