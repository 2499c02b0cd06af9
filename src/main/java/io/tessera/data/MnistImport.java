package io.tessera.data;

import java.util.List;
import org.apache.spark.sql.SparkSession;

/** MNIST's four IDX files as one Tessera dataset with splits train and test. */
public final class MnistImport {
  private MnistImport() {}

  /** The training and test points that were written to {@code uri}. */
  public record Imported(LabeledPoints train, LabeledPoints test) {}

  /** Writes at most {@code trainLimit} and {@code testLimit} images (the first ones of each file). */
  public static Imported write(SparkSession spark, String images, String labels, String testImages, String testLabels,
      String uri, int trainLimit, int testLimit) {
    var conf = spark.sparkContext().hadoopConfiguration();
    LabeledPoints train = IdxFiles.read(images, labels, conf).head(trainLimit);
    LabeledPoints test = IdxFiles.read(testImages, testLabels, conf).head(testLimit);
    List<String> splits = Splits.constant(train.size(), "train");
    splits.addAll(Splits.constant(test.size(), "test"));
    DatasetIO.write(spark, LabeledPoints.concat(train, test), splits, uri, true);
    return new Imported(train, test);
  }
}
