package io.tessera.run;

/**
 * What a job's rows_in, rows_out and rows_rejected count (docs/tables.md, What the counts count).
 * Every run keeps rows_in = rows_out + rows_rejected in its unit; the runs table records the unit,
 * and the main table's own row count beside it where a unit is several rows.
 */
public enum CountUnit {
  /** A row of the input dataset (after its selection). */
  INPUT_ROW("input row"),
  /** An unordered pair of input samples, a segment's endpoints. */
  PAIR("pair"),
  /** A linear region found in the box. */
  REGION("region"),
  /** A network trained and measured. */
  NETWORK("network"),
  /** A test sample that both the local maps and the dataset hold. */
  TEST_SAMPLE("test sample"),
  /** An ordered pair of models, one map transferred from the first to the second. */
  MODEL_PAIR("model pair"),
  /** A latent point: a grid node, a Monte Carlo draw or an input row. */
  POINT("point"),
  /** A row of a dataset the run generates. */
  GENERATED_ROW("generated row"),
  /** A model the run trains. */
  MODEL("model"),
  /** One draw of a named point cloud: a (cloud, repeat) pair, one diagram. */
  POINT_CLOUD("point cloud"),
  /** One draw of both samples of a comparison: a (comparison, repeat) pair, one row of metrics. */
  SAMPLE_PAIR("sample pair");

  private final String label;

  CountUnit(String label) {
    this.label = label;
  }

  /** The unit as the runs table's {@code unit} column holds it. */
  public String label() {
    return label;
  }
}
