package io.tessera.training;

import io.tessera.TesseraException;
import io.tessera.data.DatasetIO;
import io.tessera.model.classifier.TrainingSet;
import io.tessera.model.diffusion.DiffusionCard;
import io.tessera.model.diffusion.DiffusionTrainer;
import io.tessera.run.ModelOutput;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * {@code train-diffusion}: reads a dataset's train split into the driver and trains a DDPM
 * eps-network on it with DJL ({@link DiffusionTrainer}); labels and targets are ignored.
 */
public final class DiffusionTrainJob {
  private DiffusionTrainJob() {}

  public static DiffusionCard run(SparkSession spark, String dataset, String out, DiffusionTrainer.Spec spec, Consumer<String> progress) {
    TrainingSet train = TrainJob.collect(DatasetIO.read(spark, dataset), "train", dataset, null);
    if (train == null) {
      throw new TesseraException("dataset " + dataset + " has no rows with split = 'train'");
    }
    return ModelOutput.write(spark.sparkContext().hadoopConfiguration(), out,
        dir -> DiffusionTrainer.train(train.features(), train.rows(), train.dim(), spec, dir, progress));
  }
}
