-- Per latent point of the `latent-geometry` job: the grid points (point_kind 'grid', point_id the
-- grid index, the first coordinate fastest) and the encoded samples ('sample', point_id the sample
-- id). Geometry of the decoder's pullback metric g = J^T J, float64 (docs: ../shared/methods/latent-curvature.md).
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE latent_points.
CREATE TABLE IF NOT EXISTS latent_points (
  model_id STRING COMMENT 'autoencoder card id, or TorchScript decoder name and content hash',
  point_kind STRING COMMENT 'grid, mc (a Monte Carlo draw: from the training codes'' density or uniform on the box) or sample',
  point_id BIGINT COMMENT 'grid index, draw number, or the sample id',
  split STRING COMMENT 'the sample''s split; NULL on the grid',
  label INT,
  z ARRAY<DOUBLE> COMMENT 'latent point (the code of a sample)',
  decoded ARRAY<DOUBLE> COMMENT 'the decoder at z',
  log_sqrt_det_g DOUBLE COMMENT 'log of the volume element sqrt(det g)',
  condition_g DOUBLE COMMENT 'condition number of g (sigma_max / sigma_min of J, squared)',
  metric ARRAY<DOUBLE> COMMENT 'g_ij for i <= j, row by row',
  degenerate BOOLEAN COMMENT 'sigma_min / sigma_max of J below 1e-7: no curvature',
  scalar_curvature DOUBLE COMMENT 'R = |H|^2 - |II|^2 (Gauss equation)',
  gaussian_curvature DOUBLE COMMENT 'K = R / 2 in 2-D; NULL otherwise',
  mean_curvature_norm2 DOUBLE COMMENT '|H|^2',
  second_form_norm2 DOUBLE COMMENT '|II|^2: R is the difference of two terms of this size',
  lambda_point DOUBLE COMMENT '(n - 2) R / (2n), the traced field equation in vacuum',
  route STRING COMMENT 'exact (MLP jets, Gauss equation), ricci (MLP jets, Christoffel symbols) or fd (finite differences of forward passes)',
  fd_converged BOOLEAN COMMENT 'fd: R at eta and eta/2 (or eta/2 and eta/4) agreed; NULL for exact',
  p_train DOUBLE COMMENT 'KDE of the training codes at z (coordinate density); NULL without codes',
  p_ref DOUBLE COMMENT 'KDE of the reference codes; NULL without a reference split',
  rho_info DOUBLE COMMENT 'p_train / sqrt(det g)',
  rho_ins DOUBLE COMMENT 'max(0, p_ref - p_train) / sqrt(det g)',
  grad_f_norm2 DOUBLE COMMENT '|grad f|^2_g, f = log sqrt(det g) - log p_train',
  energy_density DOUBLE COMMENT 'T00 = rho + (c/2) |grad rho|^2_g of rho_ins (rho_info without a reference)',
  d_sse DOUBLE COMMENT 'samples: |x - D(E(x))|^2; NULL on the grid',
  d_mse DOUBLE COMMENT 'd_sse / N',
  run_id STRING COMMENT 'the run that wrote the row'
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/latent_points';
