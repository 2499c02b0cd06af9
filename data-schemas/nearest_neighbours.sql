-- Output of the `hamming-neighbours` job: every sample's exact leave-one-out nearest neighbour
-- within its own split, by Hamming distance between activation patterns and by Euclidean
-- distance between features (Liu et al. Table 3). Ties go to the lowest neighbour id.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE nearest_neighbours.
CREATE TABLE IF NOT EXISTS nearest_neighbours (
  model_id STRING,
  sample_id BIGINT,
  split STRING,
  label INT,
  metric STRING COMMENT 'hamming or euclidean',
  neighbour_id BIGINT,
  neighbour_label INT,
  distance DOUBLE COMMENT 'differing bits, or the Euclidean norm of the feature difference',
  same_label BOOLEAN COMMENT 'label = neighbour_label (NULL without labels)',
  run_id STRING
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/nearest_neighbours';
