-- Output of the `sample-metrics` job: one row per (comparison, repeat), every metric between the two samples drawn
-- (docs/methods/sample-metrics.md). A metric family not asked for (option metrics) is NULL.
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE sample_metrics.
CREATE TABLE IF NOT EXISTS sample_metrics (
  comparison STRING COMMENT 'the comparison''s name in the config',
  repeat INT COMMENT 'index of the draw, 0-based',
  real_seed BIGINT COMMENT 'seed of the real side''s draw',
  fake_seed BIGINT COMMENT 'seed of the fake side''s draw',
  real_source STRING COMMENT 'generate KIND, or dataset PATH [splits]',
  fake_source STRING COMMENT 'generate KIND, or dataset PATH [splits]',
  n INT COMMENT 'points per side',
  dim INT COMMENT 'coordinates per point',
  k INT COMMENT 'neighbours of the k-NN balls and graphs',
  lambda DOUBLE COMMENT 'the graph divergence''s softmax temperature',
  diagram_points INT COMMENT 'points per side the persistence diagrams were built on',
  feature_space STRING COMMENT 'what fd and prdc were computed on: coordinates, or the feature model''s path',
  w2 DOUBLE COMMENT 'exact empirical W2: sqrt of the optimal assignment''s mean squared distance',
  fd DOUBLE COMMENT 'Fréchet distance between the Gaussians fitted in feature_space (a squared distance, like FID)',
  precision DOUBLE COMMENT 'share of fakes inside some real k-NN ball',
  recall DOUBLE COMMENT 'share of reals inside some fake k-NN ball',
  density DOUBLE COMMENT 'real balls holding each fake, averaged, over k',
  coverage DOUBLE COMMENT 'share of reals whose ball holds a fake',
  knn_spectral DOUBLE COMMENT 'distance between the spectra of the symmetrised k-NN adjacency matrices',
  knn_spectral_directed DOUBLE COMMENT 'the same on the directed k-NN graphs (real parts of the eigenvalues)',
  graph_divergence DOUBLE COMMENT 'Shukla''s smoothed 1-NN statistic T: weight on edges joining the two samples',
  graph_divergence_z DOUBLE COMMENT '(T - E0) / sqrt(V0) under random relabelling: low when the samples separate',
  diagram_w1_h0 DOUBLE COMMENT 'W1 between the H0 diagrams (L-infinity ground metric, essential classes set aside)',
  diagram_w2_h0 DOUBLE COMMENT 'W2 between the H0 diagrams',
  diagram_w1_h1 DOUBLE COMMENT 'W1 between the H1 diagrams',
  diagram_w2_h1 DOUBLE COMMENT 'W2 between the H1 diagrams',
  seconds DOUBLE COMMENT 'time to draw both samples and compute every metric',
  run_id STRING
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/sample_metrics';
