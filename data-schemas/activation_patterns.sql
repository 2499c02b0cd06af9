-- Output of the `patterns` job: one row per sample and run.
-- Bit k of a layer is bit (k % 64) of bits[k / 64]; bit = 1 iff the pre-activation is > 0.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE activation_patterns.
CREATE TABLE IF NOT EXISTS activation_patterns (
  model_id STRING COMMENT 'model card id, or TorchScript file name and content hash',
  sample_id BIGINT COMMENT 'id of the input row',
  split STRING COMMENT 'split of the input row',
  label INT COMMENT 'label of the input row (NULL if none)',
  prediction INT COMMENT 'argmax of the outputs; for one output, 1 iff output > 0',
  layers ARRAY<STRUCT<width: INT, active: INT, bits: ARRAY<BIGINT>>> COMMENT 'per hidden layer: units, active units, packed bits',
  pattern_hash BIGINT COMMENT '64-bit hash of all layers (SplitMix64 over widths and words)',
  active_units INT COMMENT 'active units over all hidden layers',
  outputs ARRAY<FLOAT> COMMENT 'network outputs (logits)',
  run_id STRING COMMENT 'the run that wrote the row'
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/activation_patterns';
