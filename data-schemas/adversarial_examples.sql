-- Output of the `adversarial` job: one row per attacked sample and attack. Its first five columns
-- are the dataset schema, so a run's partition is itself a dataset other jobs can read
-- (id is the source sample's id, so (split, id) is unique, not id alone).
-- Usage: SET tessera.root=/path/to/tessera-out; run this file; then MSCK REPAIR TABLE adversarial_examples.
CREATE TABLE IF NOT EXISTS adversarial_examples (
  id BIGINT COMMENT 'id of the source sample',
  split STRING COMMENT 'the attack: fgsm or pgd',
  label INT COMMENT 'true label of the source sample',
  target DOUBLE COMMENT 'regression target of the source sample, if any',
  features ARRAY<FLOAT> COMMENT 'the adversarial input',
  source_split STRING COMMENT 'split of the source sample',
  epsilon DOUBLE COMMENT 'L-infinity budget',
  linf DOUBLE COMMENT 'achieved max |x_adv - x| (epsilon unless clipped or the gradient vanished)',
  clean_prediction INT,
  adversarial_prediction INT,
  model_id STRING,
  run_id STRING
) USING parquet
PARTITIONED BY (run_id)
LOCATION '${tessera.root}/adversarial_examples';
