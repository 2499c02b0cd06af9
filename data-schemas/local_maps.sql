-- Output of the `jacobians` job: the local affine map of every (sample, output), Sattelberg et al.
-- On a ReLU MLP these are exact on the sample's region; otherwise the first-order model at x.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE local_maps.
CREATE TABLE IF NOT EXISTS local_maps (
  model_id STRING COMMENT 'model card id, or TorchScript file name and content hash',
  sample_id BIGINT COMMENT 'id of the input row',
  split STRING COMMENT 'split of the input row',
  label INT COMMENT 'label of the input row (NULL if none)',
  output INT COMMENT 'output index j',
  gradient ARRAY<FLOAT> COMMENT 'row j of the input Jacobian J(x)',
  bias DOUBLE COMMENT 'b = f_j(x) - J_j(x) . x',
  gradient_norm DOUBLE COMMENT 'Euclidean norm of gradient',
  method STRING COMMENT 'exact (masked weight product, ReLU MLPs) or autograd (DJL)',
  run_id STRING COMMENT 'the run that wrote the row'
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/local_maps';
