-- Summary of the `hamming-neighbours` job: how often a sample's nearest neighbour has its label,
-- per split and metric (Liu et al. Table 3: Hamming against Euclidean).
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE neighbour_agreement.
CREATE TABLE IF NOT EXISTS neighbour_agreement (
  split STRING,
  metric STRING,
  samples BIGINT,
  agreement DOUBLE COMMENT 'share of samples whose neighbour has the same label',
  run_id STRING
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/neighbour_agreement';
