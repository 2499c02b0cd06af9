package io.tessera.cli;

import io.tessera.TesseraException;
import io.tessera.data.DatasetIO;
import io.tessera.data.IdxFiles;
import io.tessera.data.LabeledPoints;
import io.tessera.data.Splits;
import io.tessera.run.SparkSessions;
import java.util.List;
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

  @Option(names = "--split", defaultValue = "train", description = "Split of the --images rows. Default: ${DEFAULT-VALUE}.")
  String split;

  @Option(names = "--test-images", description = "Optional second pair, written as split 'test' after the first.")
  String testImages;

  @Option(names = "--test-labels", description = "Labels of --test-images.")
  String testLabels;

  @Option(names = "--out", required = true, description = "Dataset URI to write.")
  String out;

  @Option(names = "--overwrite", description = "Replace an existing dataset at --out.")
  boolean overwrite;

  @Override
  public Integer call() {
    var spark = SparkSessions.getOrCreate();
    if ((testImages == null) != (testLabels == null)) {
      throw new TesseraException("--test-images and --test-labels go together");
    }
    var conf = spark.sparkContext().hadoopConfiguration();
    LabeledPoints points = IdxFiles.read(images, labels, conf);
    List<String> splits = Splits.constant(points.size(), split);
    if (testImages != null) {
      LabeledPoints test = IdxFiles.read(testImages, testLabels, conf);
      if (test.dim() != points.dim()) {
        throw new TesseraException(testImages + " has images of " + test.dim() + " pixels, " + images + " of " + points.dim());
      }
      splits.addAll(Splits.constant(test.size(), "test"));
      points = LabeledPoints.concat(points, test);
    }
    DatasetIO.write(spark, points, splits, out, overwrite);
    System.out.printf("wrote %d images (%d pixels each) to %s%n", points.size(), points.dim(), out);
    return 0;
  }
}
