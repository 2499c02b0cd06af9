-- Output of the `perturbation-grid` job: for each sample and radius r, the Hamming distance between
-- the activation pattern of x and of x + r u for K seeded random unit directions u (Liu et al. Table 4).
-- Directions are drawn per sample from (seed, sample id) and shared by all radii.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE perturbation_hamming.
CREATE TABLE IF NOT EXISTS perturbation_hamming (
  model_id STRING,
  sample_id BIGINT,
  split STRING,
  label INT,
  radius DOUBLE COMMENT 'Euclidean length of the perturbation',
  hamming ARRAY<INT> COMMENT 'one distance per direction, in direction order',
  mean_hamming DOUBLE COMMENT 'mean of hamming',
  run_id STRING
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/perturbation_hamming';
