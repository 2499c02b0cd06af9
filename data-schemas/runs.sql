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
  rows_in BIGINT COMMENT 'rows read',
  rows_out BIGINT COMMENT 'rows written to the main output table',
  rows_rejected BIGINT COMMENT 'rows written to _rejects',
  outputs ARRAY<STRING> COMMENT 'published partitions',
  versions MAP<STRING, STRING> COMMENT 'tessera, spark, djl and java versions',
  run_id STRING
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/runs';
