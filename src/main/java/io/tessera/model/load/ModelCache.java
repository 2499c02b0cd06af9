package io.tessera.model.load;

import io.tessera.model.DevicePolicy;
import io.tessera.model.Network;
import io.tessera.model.autoencoder.LatentModel;
import io.tessera.model.classifier.FeatureEncoder;
import io.tessera.model.diffusion.DiffusionModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;

/**
 * One loaded model per JVM and (model, device) pair, shared by every task an executor runs. Models
 * stay loaded for the life of the JVM, which is the life of the executor.
 */
public final class ModelCache {
  private static final Map<String, Network> MODELS = new ConcurrentHashMap<>();
  private static final Map<String, DiffusionModel> DIFFUSION = new ConcurrentHashMap<>();
  private static final Map<String, FeatureEncoder> FEATURES = new ConcurrentHashMap<>();
  private static final Map<String, LatentModel> LATENT = new ConcurrentHashMap<>();

  private ModelCache() {}

  public static Network get(String uri, DevicePolicy device, Configuration hadoopConf) {
    return MODELS.computeIfAbsent(uri + "|" + device, key -> ModelLoader.load(uri, device, hadoopConf));
  }

  public static FeatureEncoder features(String uri, DevicePolicy device, Configuration hadoopConf) {
    return FEATURES.computeIfAbsent(uri + "|" + device, key -> ModelLoader.loadFeatures(uri, device, hadoopConf));
  }

  public static LatentModel latent(String uri, int latentDim, DevicePolicy device, Configuration hadoopConf) {
    return LATENT.computeIfAbsent(uri + "|" + latentDim + "|" + device, key -> ModelLoader.loadLatent(uri, latentDim, device, hadoopConf));
  }

  public static DiffusionModel diffusion(String uri, DevicePolicy device, Configuration hadoopConf) {
    return DIFFUSION.computeIfAbsent(uri + "|" + device, key -> ModelLoader.loadDiffusion(uri, device, hadoopConf));
  }
}
