-- Output of the `map-transfer` job (Sattelberg et al. Table 2 protocol): for each ordered pair of
-- models, per output j the least-squares M_j with C_from M_j ≈ C_to on the training samples' local
-- maps (eq. 8), and the test accuracy of the mapped maps r_from(x) M_j.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE map_transfer.
CREATE TABLE IF NOT EXISTS map_transfer (
  from_model STRING,
  to_model STRING,
  rank ARRAY<INT> COMMENT 'rank of C_from used by the minimum-norm solve, per output (d + 1 with a ridge)',
  train_samples BIGINT COMMENT 'samples whose maps both models have, per fit',
  test_samples BIGINT,
  accuracy DOUBLE COMMENT 'argmax over outputs of the mapped maps at x',
  from_accuracy DOUBLE COMMENT 'the from-model itself on the test samples',
  run_id STRING COMMENT 'the run that wrote the row'
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/map_transfer';
