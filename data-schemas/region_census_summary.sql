-- Summary of the `region-census` job per architecture: the columns of Liu et al. Table 1.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE region_census_summary.
CREATE TABLE IF NOT EXISTS region_census_summary (
  layers INT,
  width INT,
  networks BIGINT COMMENT 'networks trained (repeats)',
  avg DOUBLE COMMENT 'mean region count',
  sd DOUBLE COMMENT 'sample standard deviation (n - 1) of the region count',
  median DOUBLE COMMENT 'exact median region count',
  min BIGINT,
  max BIGINT,
  avg_mse DOUBLE COMMENT 'mean validation MSE',
  sd_mse DOUBLE,
  run_id STRING
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/region_census_summary';
