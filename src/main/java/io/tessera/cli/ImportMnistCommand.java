package io.tessera.cli;

import io.tessera.data.DatasetIO;
import io.tessera.data.IdxFiles;
import io.tessera.data.LabeledPoints;
import io.tessera.data.Splits;
import io.tessera.jobs.SparkSessions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tessera import-mnist}: MNIST IDX files (gzipped or not) into a Tessera dataset. */
@Command(name = "import-mnist", mixinStandardHelpOptions = true, description = "Convert MNIST IDX image and label files to a dataset.")
final class ImportMnistCommand implements Callable<Integer> {
  @Option(names = "--images", required = true, description = "*-images-idx3-ubyte[.gz]")
  String images;

  @Option(names = "--labels", required = true, description = "*-labels-idx1-ubyte[.gz]")
  String labels;

  @Option(names = "--split", defaultValue = "train", description = "Split written on every row. Default: ${DEFAULT-VALUE}.")
  String split;

  @Option(names = "--out", required = true, description = "Dataset URI to write.")
  String out;

  @Option(names = "--overwrite", description = "Replace an existing dataset at --out.")
  boolean overwrite;

  @Override
  public Integer call() {
    var spark = SparkSessions.getOrCreate();
    LabeledPoints points = IdxFiles.read(images, labels, spark.sparkContext().hadoopConfiguration());
    DatasetIO.write(spark, points, Splits.constant(points.size(), split), out, overwrite);
    System.out.printf("wrote %d images (%d pixels each) to %s%n", points.size(), points.dim(), out);
    return 0;
  }
}
