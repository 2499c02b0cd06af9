-- Output of the `lmd` job (Liu, Zhou and Weinberger's LMD): per image and distance, the median over
-- attempts of the distance between the image and its diffusion inpainting under alternating
-- checkerboard masks. Higher means more out-of-distribution.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE lmd_scores.
CREATE TABLE IF NOT EXISTS lmd_scores (
  model_id STRING COMMENT 'diffusion model id',
  sample_id BIGINT COMMENT 'id of the input row',
  split STRING COMMENT 'split of the input row',
  label INT COMMENT 'label of the input row (NULL if none)',
  distance STRING COMMENT 'mse or ssim (1 - SSIM)',
  attempts INT COMMENT 'r, inpaintings per image (mask parity alternates)',
  score DOUBLE COMMENT 'median of the attempt distances (the mean of the two middle ones for even r)',
  attempt_distances ARRAY<DOUBLE> COMMENT 'the distance of each attempt, in attempt order',
  run_id STRING COMMENT 'the run that wrote the row'
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/lmd_scores';
