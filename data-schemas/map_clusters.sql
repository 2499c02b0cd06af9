-- Output of the `cluster-maps` job (Sattelberg et al. Table 1 protocol): for each k, the test
-- accuracy of the surrogate that replaces each sample's local map, per output, by the nearest of
-- k centres fitted with Spark MLlib k-means on the training samples' maps [w, b].
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE map_clusters.
CREATE TABLE IF NOT EXISTS map_clusters (
  model_id STRING COMMENT 'model of the local maps',
  k INT COMMENT 'centres per output',
  centres ARRAY<INT> COMMENT 'centres k-means actually kept, per output (fewer than k when the maps have fewer distinct values)',
  training_cost ARRAY<DOUBLE> COMMENT 'k-means sum of squared distances, per output',
  test_samples BIGINT,
  accuracy DOUBLE COMMENT 'argmax over outputs of w . x + b with the nearest centre (w, b) of each output',
  original_accuracy DOUBLE COMMENT 'the network itself on the same samples',
  run_id STRING COMMENT 'the run that wrote the row'
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/map_clusters';
