-- Summary of the `lmd` job: per split other than the in-distribution one and per distance, the
-- ROC-AUC of that split's scores (positive, out-of-domain) against the in-distribution split's,
-- ties counting one half. Without an in-distribution split: one row per split, in_* and auc NULL.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE ood_summary.
CREATE TABLE IF NOT EXISTS ood_summary (
  in_domain STRING COMMENT 'the in-distribution split (in_distribution_split); NULL without one',
  out_of_domain STRING COMMENT 'the split compared with it',
  distance STRING,
  in_samples BIGINT,
  out_samples BIGINT,
  in_median_score DOUBLE,
  out_median_score DOUBLE,
  auc DOUBLE COMMENT 'ROC-AUC, out_of_domain positive; 0.5 is chance',
  auc_low DOUBLE COMMENT 'lower end of DeLong''s 95% interval of the AUC, cut at 0; NULL with fewer than 2 scores in a class',
  auc_high DOUBLE COMMENT 'upper end of that interval, cut at 1',
  run_id STRING COMMENT 'the run that wrote the row'
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/ood_summary';
