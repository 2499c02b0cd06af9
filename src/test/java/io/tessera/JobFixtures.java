package io.tessera;

import io.tessera.data.DatasetIO;
import io.tessera.data.LabeledPoints;
import io.tessera.data.Splits;
import io.tessera.data.SyntheticDatasets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/** A dataset and a trained model on disk, shared by the job tests. */
public final class JobFixtures {
  private JobFixtures() {}

  public static String xorDataset(Path dir, int n) {
    String uri = dir.resolve("xor-data").toString();
    LabeledPoints points = SyntheticDatasets.generate(SyntheticDatasets.Kind.XOR, n, 11, 2);
    DatasetIO.write(TestSpark.get(), points, Splits.trainTest(n, 0.25), uri, false);
    return uri;
  }

  /** Every row's features by id, as float64, read back from a dataset. */
  public static Map<Long, double[]> featuresById(String input) {
    Map<Long, double[]> out = new HashMap<>();
    for (Row r : TestSpark.get().read().parquet(input).collectAsList()) {
      List<Float> f = r.getList(r.fieldIndex("features"));
      out.put(r.getLong(r.fieldIndex("id")), f.stream().mapToDouble(Float::doubleValue).toArray());
    }
    return out;
  }

  /**
   * What the runs table recorded of a successful run's counts: unit, rows_in, rows_out,
   * rows_rejected and table_rows (docs/tables.md, What the counts count).
   */
  public static List<Object> runCounts(String root, String runId) {
    Row r = TestSpark.get().read().parquet(root + "/runs/run_id=" + runId).first();
    return List.of(r.getAs("unit"), r.getAs("rows_in"), r.getAs("rows_out"), r.getAs("rows_rejected"), r.getAs("table_rows"));
  }

  public static String tinyModel(Path dir) {
    Path model = dir.resolve("model");
    TestModels.trainTiny(model, 2, 5);
    return model.toString();
  }

  public static List<String> patterns(String input, String model, String out, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("run", "patterns",
        "--set", "input=" + input, "--set", "model=" + model, "--set", "output=" + out));
    for (String e : extra) {
      args.add("--set");
      args.add(e);
    }
    return args;
  }
}
