-- Summary of the `diffusion-loglik` job per dataset, split and step size or grid (Tu Fig. 5 protocol):
-- the mean of the per-sample means, their spread and the mean per-sample sd over rounds.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE diffusion_loglik_summary.
CREATE TABLE IF NOT EXISTS diffusion_loglik_summary (
  dataset STRING,
  split STRING,
  h INT COMMENT 'NULL for an uneven grid',
  grid STRING COMMENT 'the uneven index grid, indices joined by commas; NULL for a step size h',
  samples BIGINT,
  mean DOUBLE COMMENT 'mean over samples of the per-sample mean, nats',
  mean_log10 DOUBLE COMMENT 'mean / ln 10',
  sd_of_means DOUBLE COMMENT 'sd over samples of the per-sample means',
  mean_round_sd DOUBLE COMMENT 'mean over samples of the per-sample sd over rounds',
  min DOUBLE,
  median DOUBLE,
  max DOUBLE,
  run_id STRING COMMENT 'the run that wrote the row'
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/diffusion_loglik_summary';
