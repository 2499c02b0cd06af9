package io.tessera.training;

import io.tessera.TesseraException;
import io.tessera.data.DatasetIO;
import io.tessera.model.autoencoder.AutoencoderCard;
import io.tessera.model.autoencoder.AutoencoderSpec;
import io.tessera.model.autoencoder.AutoencoderTrainer;
import io.tessera.model.classifier.TrainingSet;
import io.tessera.run.ModelOutput;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * {@code train-autoencoder}: reads a dataset's train (and test, when present) split into the
 * driver and trains an MLP autoencoder on it with DJL ({@link AutoencoderTrainer}).
 */
public final class AutoencoderTrainJob {
  private AutoencoderTrainJob() {}

  public static AutoencoderCard run(SparkSession spark, String dataset, String out, AutoencoderSpec spec, Consumer<String> progress) {
    TrainingSet train = TrainJob.collect(DatasetIO.read(spark, dataset), "train", dataset, null);
    if (train == null) {
      throw new TesseraException("dataset " + dataset + " has no rows with split = 'train'");
    }
    TrainingSet test = TrainJob.collect(DatasetIO.read(spark, dataset), "test", dataset, null);
    return ModelOutput.write(spark.sparkContext().hadoopConfiguration(), out, dir -> AutoencoderTrainer.train(train, test, spec, dir, progress));
  }
}
