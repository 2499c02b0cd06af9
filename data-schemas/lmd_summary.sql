-- Summary of the `lmd` job per split and distance: score statistics and, when the config names an
-- in-distribution split, the ROC-AUC of this split (positive) against it, ties counting one half.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE lmd_summary.
CREATE TABLE IF NOT EXISTS lmd_summary (
  split STRING,
  distance STRING,
  samples BIGINT,
  mean_score DOUBLE,
  median_score DOUBLE,
  auc DOUBLE COMMENT 'ROC-AUC against the in-distribution split; NULL for that split or without one',
  run_id STRING COMMENT 'the run that wrote the row'
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/lmd_summary';
