package io.tessera.run;

import io.tessera.TesseraException;
import io.tessera.config.DatasetJobConfig;
import io.tessera.model.DevicePolicy;
import io.tessera.model.Network;
import io.tessera.model.classifier.FeatureEncoder;
import io.tessera.model.classifier.ReluMlpNetwork;
import io.tessera.model.diffusion.DiffusionModel;
import io.tessera.model.load.ModelCache;
import java.io.Serializable;
import org.apache.spark.sql.SparkSession;

/**
 * How an executor finds a job's model: its URI, the device policy and the Hadoop settings to open
 * it with. Shipped inside every partition function; resolved through the per-JVM {@link ModelCache}.
 */
public record ModelRef(String uri, DevicePolicy device, HadoopConfSnapshot hadoopConf) implements Serializable {
  public static ModelRef of(SparkSession spark, String uri, DevicePolicy device) {
    return new ModelRef(uri, device, HadoopConfSnapshot.of(spark));
  }

  /** The model a dataset job's config names, on its device. */
  public static ModelRef of(JobRun run, DatasetJobConfig cfg) {
    return of(run.spark(), cfg.model(), cfg.devicePolicy());
  }

  public Network network() {
    return ModelCache.get(uri, device, hadoopConf.toConfiguration());
  }

  /** The model as a DDPM that Tessera trained. */
  public DiffusionModel diffusion() {
    return ModelCache.diffusion(uri, device, hadoopConf.toConfiguration());
  }

  /** The model as a decoder for latent geometry; {@code latentDim} matters for TorchScript decoders only. */
  public io.tessera.model.autoencoder.LatentModel latent(Integer latentDim) {
    return ModelCache.latent(uri, latentDim == null ? 0 : latentDim, device, hadoopConf.toConfiguration());
  }

  /** The model as a classifier's penultimate-layer features. */
  public FeatureEncoder features() {
    return ModelCache.features(uri, device, hadoopConf.toConfiguration());
  }

  /** The model as a ReLU MLP, for the jobs that need its activation patterns or weights. */
  public ReluMlpNetwork reluMlp() {
    if (network() instanceof ReluMlpNetwork mlp) {
      return mlp;
    }
    throw new TesseraException("model " + uri + " is not a ReLU MLP (Linear/ReLU layers), so it has no activation patterns");
  }
}
