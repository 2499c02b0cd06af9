-- Output of the `regions` job: every linear region of a 2- or 3-input ReLU MLP inside a box, found
-- by Traversal-and-Pruning (Liu et al. Algorithm 1), tile by tile on Spark.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE regions.
CREATE TABLE IF NOT EXISTS regions (
  model_id STRING COMMENT 'model card id, or TorchScript file name and content hash',
  pattern ARRAY<BIGINT> COMMENT 'all hidden units, layer-major: unit k is bit (k % 64) of pattern[k / 64]',
  pattern_hash BIGINT COMMENT 'same hash as activation_patterns.pattern_hash',
  depth INT COMMENT 'Hamming distance from the start region''s pattern: a lower bound on the facets crossed between them',
  num_active INT COMMENT 'network rows that bound the region inside the box',
  active_bits ARRAY<INT> COMMENT 'those rows (hidden units), ascending; flipping one gives a neighbour',
  chebyshev_radius DOUBLE COMMENT 'largest ball inside region and box',
  bounded BOOLEAN COMMENT 'whether the region is bounded without the box',
  measure DOUBLE COMMENT 'area (2-D, exact) or volume (3-D, Monte Carlo) inside the box',
  measure_error DOUBLE COMMENT '0 in 2-D; in 3-D the binomial standard error of the volume',
  vertices ARRAY<ARRAY<DOUBLE>> COMMENT '2-D: the clipped polygon, counter-clockwise; NULL in 3-D',
  map_weight ARRAY<ARRAY<DOUBLE>> COMMENT 'J of the affine map G(x) = J x + beta on the region (outputs x inputs)',
  map_bias ARRAY<DOUBLE> COMMENT 'beta',
  run_id STRING COMMENT 'the run that wrote the row'
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/regions';
