-- Output of the `polytopes` job: the linear region of each measured sample (Liu et al. eqs. 5-8).
-- Geometry is float64 on the model's exported weights. Bit/row k is hidden unit k, layer-major.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE polytopes.
CREATE TABLE IF NOT EXISTS polytopes (
  model_id STRING COMMENT 'model card id, or TorchScript file name and content hash',
  sample_id BIGINT COMMENT 'id of the input row',
  split STRING COMMENT 'split of the input row',
  label INT COMMENT 'label of the input row (NULL if none)',
  pattern_hash BIGINT COMMENT 'same hash as activation_patterns.pattern_hash',
  constraints INT COMMENT 'rows of (A, c): the hidden units',
  active_bits ARRAY<INT> COMMENT 'facets: the non-redundant rows (eq. 6), ascending; NULL when the job ran with facets: false',
  num_active INT COMMENT 'number of facets; NULL when the job ran with facets: false',
  chebyshev_radius DOUBLE COMMENT 'largest inscribed ball (eq. 7), inside the box if one was set; Infinity if unbounded',
  chebyshev_centre_norm DOUBLE COMMENT 'norm of that ball''s centre; NaN when the radius is infinite',
  facet_distance DOUBLE COMMENT 'distance from the sample to the nearest facet',
  margin DOUBLE COMMENT 'min |pre-activation| at the sample, float64',
  seconds DOUBLE COMMENT 'wall time spent on this sample',
  run_id STRING COMMENT 'the run that wrote the row'
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/polytopes';
