-- The _rejects table: input rows a job refused (bad dimension, NaN or Inf), when the job is configured to quarantine
-- them instead of failing. rows_in = rows_out + rows_rejected for every run, in the job's unit (docs/tables.md).
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE rejects.
CREATE TABLE IF NOT EXISTS rejects (
  sample_id BIGINT,
  split STRING,
  reason STRING COMMENT 'why the row was refused, naming the column',
  source STRING COMMENT 'input dataset URI',
  run_id STRING
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/_rejects';
