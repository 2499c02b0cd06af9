-- Output of the `segment-crossings` job: for each pair of samples, the linear regions that the
-- straight segment between them crosses (Liu et al. Table 5), computed exactly layer by layer
-- and, optionally, by the paper's bisection (Algorithm 2, a lower bound) as a check.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE segment_crossings.
CREATE TABLE IF NOT EXISTS segment_crossings (
  model_id STRING,
  sample_a BIGINT,
  sample_b BIGINT,
  split_a STRING,
  split_b STRING,
  euclidean DOUBLE COMMENT '|b - a|',
  endpoint_hamming INT COMMENT 'Hamming distance of the endpoint patterns: a lower bound on crossings',
  regions INT COMMENT 'regions met in positive length: crossings + 1',
  crossings ARRAY<DOUBLE> COMMENT 'crossing parameters t in (0, 1), increasing, on a + t (b - a)',
  flipped_bits ARRAY<ARRAY<INT>> COMMENT 'per crossing, the units that switch (global index, layer-major)',
  multi_bit_crossings INT COMMENT 'crossings where more than one unit switches at the same t',
  patterns ARRAY<ARRAY<BIGINT>> COMMENT 'pattern of each region along the segment, all layers concatenated',
  bisection_regions INT COMMENT 'region count of Algorithm 2 (NULL unless bisection is on)',
  bisection_multi_bit INT COMMENT 'Algorithm 2 steps that found several units at once',
  run_id STRING
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/segment_crossings';
