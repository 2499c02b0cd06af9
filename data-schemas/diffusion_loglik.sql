-- Output of the `diffusion-loglik` job: Tu et al. eq. 23 per sample and step size h, the mean and
-- sd over R rounds of independent forward noise. Natural logs (nats); log10 = nats / ln 10. Each
-- round is a stochastic lower bound (an ELBO sample) of the model's log-density.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE diffusion_loglik.
CREATE TABLE IF NOT EXISTS diffusion_loglik (
  model_id STRING COMMENT 'diffusion model card id',
  sample_id BIGINT COMMENT 'id of the input row',
  split STRING COMMENT 'split of the input row',
  label INT COMMENT 'label of the input row (NULL if none)',
  dataset STRING COMMENT 'dataset name (config dataset, default the input path''s last segment)',
  h INT COMMENT 'step size on the T-step index grid (T appended when h does not divide it); NULL for an uneven grid',
  grid STRING COMMENT 'an uneven index grid from the config''s grids, its indices joined by commas; NULL for a step size h',
  pairs INT COMMENT 'reverse steps in the chain',
  rounds INT COMMENT 'R, independent chains per sample',
  variance STRING COMMENT 'A (forward step variance) or B (posterior variance, A on the last pair)',
  mean DOUBLE COMMENT 'mean over rounds of the estimate of log q(x0), nats',
  sd DOUBLE COMMENT 'sample sd over rounds, nats',
  mean_log10 DOUBLE COMMENT 'mean / ln 10',
  round_values ARRAY<DOUBLE> COMMENT 'every round''s estimate when keep_rounds is set, else NULL',
  run_id STRING COMMENT 'the run that wrote the row'
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/diffusion_loglik';
