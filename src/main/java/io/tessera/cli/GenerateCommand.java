package io.tessera.cli;

import io.tessera.data.DatasetIO;
import io.tessera.data.GridDataset;
import io.tessera.data.LabeledPoints;
import io.tessera.data.MixtureDataset;
import io.tessera.data.Splits;
import io.tessera.data.SyntheticDatasets;
import io.tessera.run.SparkSessions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tessera generate <kind>}: a seeded synthetic dataset, or a regular 2-D grid, as Parquet. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Write a synthetic dataset or a grid as Parquet.")
final class GenerateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "KIND", description = "regression, circle-annulus, xor, swiss-roll, moons, circles, s-curve, three-gaussians, swiss-roll-3d, mixture (made on the executors, for large n), or grid.")
  String kind;

  @Option(names = "--out", required = true, paramLabel = "DATASET", description = "Dataset URI to write.")
  String out;

  @Option(names = "--n", defaultValue = "10000", description = "Number of points. Default: ${DEFAULT-VALUE}.")
  long n;

  @Option(names = "--seed", defaultValue = "1", description = "Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--dim", defaultValue = "10", description = "Ambient dimension (three-gaussians and mixture). Default: ${DEFAULT-VALUE}.")
  int dim;

  @Option(names = "--test-fraction", defaultValue = "0.2", description = "Share of rows in split 'test'. Default: ${DEFAULT-VALUE}.")
  double testFraction;

  @Option(names = "--resolution", defaultValue = "1000", description = "Grid points per axis (grid only). Default: ${DEFAULT-VALUE}.")
  int resolution;

  @Option(names = "--lo", defaultValue = "-1", description = "Grid lower bound (grid only). Default: ${DEFAULT-VALUE}.")
  double lo;

  @Option(names = "--hi", defaultValue = "1", description = "Grid upper bound (grid only). Default: ${DEFAULT-VALUE}.")
  double hi;

  @Option(names = "--overwrite", description = "Replace an existing dataset at --out.")
  boolean overwrite;

  @Override
  public Integer call() {
    var spark = SparkSessions.getOrCreate();
    if (kind.equals("mixture")) {
      MixtureDataset.write(spark, n, dim, seed, testFraction, out, overwrite);
      System.out.printf("wrote %d mixture points (dim %d, seed %d) to %s%n", n, dim, seed, out);
    } else if (kind.equals("grid")) {
      GridDataset.write(spark, resolution, lo, hi, out, overwrite);
      System.out.printf("wrote a %dx%d grid over [%s, %s]^2 to %s%n", resolution, resolution, lo, hi, out);
    } else {
      SyntheticDatasets.Kind k = SyntheticDatasets.Kind.parse(kind);
      if (n > Integer.MAX_VALUE) {
        throw new io.tessera.TesseraException("--n " + n + " is too large for " + kind + ", which is built on the driver; use mixture");
      }
      LabeledPoints points = SyntheticDatasets.generate(k, (int) n, seed, dim);
      DatasetIO.write(spark, points, Splits.trainTest((int) n, testFraction), out, overwrite);
      System.out.printf("wrote %d %s points (dim %d, seed %d) to %s%n", n, k.displayName(), points.dim(), seed, out);
    }
    return 0;
  }
}
