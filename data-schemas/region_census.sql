-- Output of the `region-census` job: one row per trained network (Liu et al. Table 1 protocol).
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE region_census.
CREATE TABLE IF NOT EXISTS region_census (
  layers INT COMMENT 'hidden layers',
  width INT COMMENT 'units per hidden layer',
  repeat INT COMMENT 'index of the initialisation, 0-based',
  seed BIGINT COMMENT 'training seed of this network',
  regions BIGINT COMMENT 'linear regions inside the box, by Traversal-and-Pruning',
  validation_mse DOUBLE COMMENT 'mean squared error on the held-out points',
  train_seconds DOUBLE,
  count_seconds DOUBLE,
  run_id STRING
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/region_census';
