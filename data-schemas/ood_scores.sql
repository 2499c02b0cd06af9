-- Output of the `lmd` job (Liu, Zhou and Weinberger's LMD): per image and distance, the median over
-- attempts of the distance between the image and its lift: a diffusion inpainting under alternating
-- checkerboard masks, or a diffusion to step t0 and back. Higher means more out-of-distribution.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE ood_scores.
CREATE TABLE IF NOT EXISTS ood_scores (
  model_id STRING COMMENT 'diffusion model id',
  sample_id BIGINT COMMENT 'id of the input row',
  split STRING COMMENT 'split of the input row',
  label INT COMMENT 'label of the input row (NULL if none)',
  lift STRING COMMENT 'inpaint (alternating checkerboard masks) or diffuse-denoise (to lift_step and back)',
  distance STRING COMMENT 'mse, ssim (1 - SSIM), deep (squared distance of unit-length classifier features) or code (squared distance of autoencoder codes)',
  attempts INT COMMENT 'r, lifts per image (for inpaint the mask parity alternates)',
  score DOUBLE COMMENT 'median of the attempt distances (the mean of the two middle ones for even r)',
  attempt_distances ARRAY<DOUBLE> COMMENT 'the distance of each attempt, in attempt order; NULL when keep_attempts is false',
  run_id STRING COMMENT 'the run that wrote the row'
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/ood_scores';
