-- One row per `latent-geometry` run: totals over the latent grid (midpoint rule) on the support
-- mask {p_train >= 1e-3 max p_train}, Perelman's functionals with the data-induced potential,
-- Lambda from vacuum points, and the inadequacy scores (docs: ../shared/methods/latent-curvature.md).
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE latent_summary.
CREATE TABLE IF NOT EXISTS latent_summary (
  model_id STRING,
  latent_dim INT,
  ambient_dim INT,
  route STRING COMMENT 'exact or fd',
  resolution INT COMMENT 'grid points per axis',
  box_lo ARRAY<DOUBLE>,
  box_hi ARRAY<DOUBLE>,
  grid_points BIGINT,
  mask_points BIGINT COMMENT 'grid points in the support mask (all non-degenerate ones without codes)',
  degenerate_points BIGINT,
  fd_failed BIGINT COMMENT 'grid points whose finite differences did not converge',
  samples BIGINT COMMENT 'encoded samples written',
  mean_d_mse DOUBLE COMMENT 'mean reconstruction distortion of the samples',
  kde_codes INT COMMENT 'training codes in the density (a seeded subset when capped)',
  ref_codes INT COMMENT 'reference codes in its density; 0 without a reference split',
  volume DOUBLE COMMENT 'Vol_g of the box',
  mask_volume DOUBLE,
  integral_r DOUBLE COMMENT 'integral of R dmu over the mask',
  integral_r2 DOUBLE COMMENT 'integral of R^2 dmu over the mask',
  perelman_f DOUBLE COMMENT 'F = E_q[R + |grad f|^2], q the training density on the mask',
  taus ARRAY<DOUBLE>,
  perelman_w ARRAY<DOUBLE> COMMENT 'W(tau) for each tau',
  lambda_hat DOUBLE COMMENT 'dmu-weighted median of lambda_point over vacuum points',
  lambda_iqr DOUBLE,
  lambda_trimmed_mean DOUBLE COMMENT '10% trimmed mean',
  kbar_median DOUBLE COMMENT 'median mean sectional curvature R / (n (n - 1))',
  regime STRING COMMENT 'dS, AdS, flat, or undefined_2d (Lambda is 0 for every 2-D metric)',
  ell2 DOUBLE COMMENT 'length scale squared: mean squared distance of decoded training codes to their mean',
  nis DOUBLE COMMENT 'model inadequacy 1 - exp(-|Lambda| ell2 / c_n) (|Kbar| in 2-D)',
  c_n DOUBLE,
  information_mass DOUBLE COMMENT 'integral of p_train over the box (about 1 when the box holds the codes)',
  insufficiency_mass DOUBLE COMMENT 'integral of max(0, p_ref - p_train): the total-variation deficit',
  dis DOUBLE COMMENT 'data inadequacy = insufficiency_mass; NULL without a reference split',
  mass_density STRING COMMENT 'the density whose maxima are the mass-like points: rho_ins, or rho_info without a reference',
  mass_points ARRAY<STRUCT<point_id: BIGINT, z: ARRAY<DOUBLE>, density: DOUBLE, mass: DOUBLE>> COMMENT 'local maxima of at least 5% of the largest',
  run_id STRING
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/latent_summary';
