-- Output of the `diffusion-sample` job: one row per generated sample. Its first five columns are the
-- dataset schema, so a run's partition is itself a dataset other jobs can read.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE generated_samples.
CREATE TABLE IF NOT EXISTS generated_samples (
  id BIGINT COMMENT 'sample id, 0-based within the run; it alone seeds the sample''s chain',
  split STRING COMMENT 'always generated',
  label INT COMMENT 'NULL: an unconditional model has no classes',
  target DOUBLE COMMENT 'NULL',
  features ARRAY<FLOAT> COMMENT 'the sample, flattened like the training data',
  model STRING COMMENT 'the model''s id (its card)',
  step_size INT COMMENT 'h: the sampler visited steps 0, h, 2h, ... of the model''s T',
  run_id STRING
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/generated_samples';
