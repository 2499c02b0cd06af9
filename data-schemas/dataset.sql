-- A Tessera dataset: one row per sample. Written by `tessera generate`, `tessera import-mnist` and
-- the quickstart; read by every job. Any extra columns are kept as metadata and ignored by jobs.
-- Usage: SET tessera.dataset=/path/to/dataset; then run this file.
CREATE TABLE IF NOT EXISTS dataset (
  id BIGINT COMMENT 'sample id, unique within the dataset',
  split STRING COMMENT 'train, test, grid, fgsm, ...',
  label INT COMMENT 'class index; NULL when the dataset has no classes',
  target DOUBLE COMMENT 'regression target; NULL when the dataset has none',
  features ARRAY<FLOAT> COMMENT 'the input vector, flattened row-major'
) USING parquet
LOCATION '${tessera.dataset}';
