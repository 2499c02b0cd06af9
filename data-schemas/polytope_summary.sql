-- Summary of the `polytopes` job per split (the protocol of Liu et al. Tables 2, 6 and 7).
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE polytope_summary.
CREATE TABLE IF NOT EXISTS polytope_summary (
  split STRING,
  samples BIGINT COMMENT 'samples measured',
  constraints INT COMMENT 'rows per region (hidden units)',
  mean_active DOUBLE COMMENT 'mean number of facets (NULL, like the other facet statistics, with facets: false)',
  sd_active DOUBLE COMMENT 'sample standard deviation (n - 1) of the number of facets',
  min_active INT,
  median_active DOUBLE COMMENT 'exact median',
  max_active INT,
  mean_radius DOUBLE COMMENT 'mean Chebyshev radius over samples with a finite radius',
  unbounded_balls BIGINT COMMENT 'samples whose Chebyshev radius is infinite (no box)',
  mean_facet_distance DOUBLE,
  run_id STRING
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/polytope_summary';
