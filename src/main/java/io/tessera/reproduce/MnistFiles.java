package io.tessera.reproduce;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.data.MnistImport;
import org.apache.spark.sql.SparkSession;

/**
 * The four MNIST IDX files every MNIST reproduction reads, declared once; each reproduction's
 * config unwraps this block, so the YAML keys stay flat.
 *
 * @param images training images (IDX3)
 * @param labels training labels (IDX1)
 * @param testImages test images (IDX3)
 * @param testLabels test labels (IDX1)
 */
public record MnistFiles(
    @JsonProperty(required = true) String images,
    @JsonProperty(required = true) String labels,
    @JsonProperty(required = true) String testImages,
    @JsonProperty(required = true) String testLabels) {

  /** The training and test digits, checked as {@link MnistImport} checks them. */
  public MnistImport.Imported read(SparkSession spark) {
    return MnistImport.read(spark, images, labels, testImages, testLabels);
  }
}
