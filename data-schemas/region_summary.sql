-- Summary of a `regions` run: one row.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE region_summary.
CREATE TABLE IF NOT EXISTS region_summary (
  model_id STRING,
  dim INT COMMENT 'input dimension (2 or 3)',
  box_lo DOUBLE,
  box_hi DOUBLE,
  regions BIGINT COMMENT 'regions with a non-empty interior inside the box',
  bounded_regions BIGINT COMMENT 'of those, bounded without the box',
  unbounded_regions BIGINT,
  total_measure DOUBLE COMMENT 'sum of the regions'' areas or volumes',
  box_measure DOUBLE COMMENT 'area or volume of the box',
  tiles INT COMMENT 'tiles the box was cut into, one task each',
  pieces BIGINT COMMENT 'region pieces found in the tiles; pieces - regions is the cost of cutting',
  empty_neighbours BIGINT COMMENT 'flipped patterns whose region was empty in the box (degenerate nets only)',
  missed_samples BIGINT COMMENT '3-D: Monte Carlo points whose region was not enumerated (0 when complete); NULL in 2-D',
  run_id STRING
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/region_summary';
