-- Summary of the `perturbation-grid` job per split and radius, over all (sample, direction) values.
-- Computed from exact integer sums and exact percentiles, so it does not depend on partitioning.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE perturbation_summary.
CREATE TABLE IF NOT EXISTS perturbation_summary (
  split STRING,
  radius DOUBLE,
  samples BIGINT COMMENT 'samples in the split',
  count BIGINT COMMENT 'distances summarised: samples x directions',
  mean DOUBLE,
  sd DOUBLE COMMENT 'sample standard deviation (n - 1)',
  min INT,
  q25 DOUBLE,
  median DOUBLE,
  q75 DOUBLE,
  max INT,
  run_id STRING
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/perturbation_summary';
