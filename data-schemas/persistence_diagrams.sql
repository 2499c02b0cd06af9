-- Output of the `persistence` job: one row per persistence interval (docs/methods/persistence.md).
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE persistence_diagrams.
CREATE TABLE IF NOT EXISTS persistence_diagrams (
  cloud STRING COMMENT 'the point cloud''s name in the config',
  repeat INT COMMENT 'index of the draw, 0-based',
  draw_seed BIGINT COMMENT 'seed of this draw: the generator''s, or the subsample''s and the first landmark''s',
  source STRING COMMENT 'where the points came from: generate KIND, or dataset PATH [splits]',
  points INT COMMENT 'points drawn',
  used_points INT COMMENT 'points the filtration was built on (the landmarks, when there are any)',
  covering_radius DOUBLE COMMENT 'largest distance from a drawn point to its nearest landmark; 0 without landmarks',
  threshold DOUBLE COMMENT 'largest simplex diameter built (edge-length units): the configured one, capped at the enclosing radius',
  prime INT COMMENT 'the coefficient field Z/p',
  dimension INT COMMENT 'homology dimension k of the interval',
  birth DOUBLE COMMENT 'scale at which the class is born (edge length)',
  death DOUBLE COMMENT 'scale at which it dies; NULL when it is still alive at the threshold',
  persistence DOUBLE COMMENT 'death - birth; NULL when death is NULL',
  seconds DOUBLE COMMENT 'time to draw the points, take the landmarks and compute the whole diagram',
  run_id STRING
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/persistence_diagrams';
