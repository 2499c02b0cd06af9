package io.tessera.data;

import io.tessera.TesseraException;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** MNIST's four IDX files as one Tessera dataset with splits train and test. */
public final class MnistImport {
  private MnistImport() {}

  /** The training and test images of the four files. */
  public record Imported(LabeledPoints train, LabeledPoints test) {
    /** The first {@code trainLimit} training and {@code testLimit} test images. */
    public Imported head(int trainLimit, int testLimit) {
      return new Imported(train.head(trainLimit), test.head(testLimit));
    }

    /** Both splits average-pooled by {@code factor} (see {@link LabeledPoints#averagePooled}). */
    public Imported averagePooled(int factor) {
      return new Imported(train.averagePooled(factor), test.averagePooled(factor));
    }
  }

  public static Imported read(SparkSession spark, String images, String labels, String testImages, String testLabels) {
    var conf = spark.sparkContext().hadoopConfiguration();
    LabeledPoints train = IdxFiles.read(images, labels, conf);
    LabeledPoints test = IdxFiles.read(testImages, testLabels, conf);
    if (test.dim() != train.dim()) {
      throw new TesseraException(testImages + " has images of " + test.dim() + " pixels, " + images + " of " + train.dim());
    }
    return new Imported(train, test);
  }

  /** Writes the images as one dataset (splits train and test) at {@code uri}, replacing what is there. */
  public static void write(SparkSession spark, Imported mnist, String uri) {
    List<String> splits = Splits.constant(mnist.train().size(), "train");
    splits.addAll(Splits.constant(mnist.test().size(), "test"));
    DatasetIO.write(spark, LabeledPoints.concat(mnist.train(), mnist.test()), splits, uri, true);
  }
}
