-- Output of the `sample-metrics` job: each metric's mean over the repeats with its 95% t-interval, and, when a
-- baseline comparison is configured, the pooled two-sided t-test of equal means against it.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE sample_metrics_summary.
CREATE TABLE IF NOT EXISTS sample_metrics_summary (
  comparison STRING COMMENT 'the comparison''s name in the config',
  metric STRING COMMENT 'a column of sample_metrics: w2, fd, precision, ...',
  repeats INT COMMENT 'repeats averaged: those where the metric was finite',
  mean DOUBLE COMMENT 'NULL when no repeat gave a finite value',
  sd DOUBLE COMMENT 'sample standard deviation (n - 1); NULL for one repeat',
  ci_low DOUBLE COMMENT 'lower end of the 95% Student t-interval of the mean; NULL for one repeat',
  ci_high DOUBLE COMMENT 'upper end of the 95% Student t-interval of the mean; NULL for one repeat',
  baseline STRING COMMENT 'the comparison tested against; NULL without one, or on the baseline''s own rows',
  p_vs_baseline DOUBLE COMMENT 'two-sided pooled-variance t-test p-value of equal means; NULL where undefined (no baseline, zero variance in both)',
  run_id STRING
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/sample_metrics_summary';
