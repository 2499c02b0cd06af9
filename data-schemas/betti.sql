-- Output of the `persistence` job: Betti numbers beta_k(eps) = #{(b, d) : b <= eps < d} per draw, dimension and scale.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE betti.
CREATE TABLE IF NOT EXISTS betti (
  cloud STRING COMMENT 'the point cloud''s name in the config',
  repeat INT COMMENT 'index of the draw, 0-based',
  draw_seed BIGINT COMMENT 'seed of this draw, as in persistence_diagrams',
  used_points INT COMMENT 'points the filtration was built on',
  covering_radius DOUBLE COMMENT 'largest distance from a drawn point to its nearest landmark; 0 without landmarks',
  threshold DOUBLE COMMENT 'largest simplex diameter built',
  prime INT COMMENT 'the coefficient field Z/p',
  scale DOUBLE COMMENT 'the scale eps (edge length), one of betti_scales',
  dimension INT COMMENT 'homology dimension k',
  betti INT COMMENT 'intervals of dimension k alive at eps',
  run_id STRING
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/betti';
