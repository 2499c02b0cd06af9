-- One row per job run, written when the run ends, whether it succeeded or failed.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE runs.
CREATE TABLE IF NOT EXISTS runs (
  job STRING COMMENT 'job name, e.g. patterns',
  status STRING COMMENT 'SUCCEEDED or FAILED',
  message STRING COMMENT 'the failure reason (a signal: terminated by signal SIGTERM while <stage>); on success NULL, or how many rows a resumed run kept',
  config STRING COMMENT 'the effective configuration, as canonical JSON',
  config_hash STRING COMMENT 'SHA-256 of config',
  input STRING COMMENT 'input dataset URI',
  model STRING COMMENT 'model URI',
  model_sha256 STRING COMMENT 'SHA-256 of the model file, or of a model directory''s files (relative names and bytes, in name order); NULL without a model or if it could not be read',
  started_at TIMESTAMP,
  ended_at TIMESTAMP,
  unit STRING COMMENT 'what rows_in, rows_out and rows_rejected count: input row, pair, region, network, test sample, point, generated row or model; NULL in runs recorded before the column existed',
  rows_in BIGINT COMMENT 'units the run took on; rows_in = rows_out + rows_rejected',
  rows_out BIGINT COMMENT 'units with results in the main table',
  rows_rejected BIGINT COMMENT 'units refused: input rows in _rejects, samples past a time limit or with non-finite model output, pairs with a quarantined endpoint',
  table_rows BIGINT COMMENT 'rows of the main table this run published (several per unit for some jobs); NULL for a failed run, a run with no table, or one recorded before the column existed',
  outputs ARRAY<STRING> COMMENT 'published partitions',
  versions MAP<STRING, STRING> COMMENT 'tessera, spark, djl and java versions',
  run_id STRING
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/runs';
