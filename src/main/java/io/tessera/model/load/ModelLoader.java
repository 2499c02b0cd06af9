package io.tessera.model.load;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.ModelException;
import io.tessera.math.MlpWeights;
import io.tessera.math.Precision;
import io.tessera.model.CardJson;
import io.tessera.model.DevicePolicy;
import io.tessera.model.ModelDigest;
import io.tessera.model.Network;
import io.tessera.model.autoencoder.Autoencoder;
import io.tessera.model.autoencoder.AutoencoderCard;
import io.tessera.model.autoencoder.LatentModel;
import io.tessera.model.classifier.FeatureEncoder;
import io.tessera.model.classifier.MlpBlocks;
import io.tessera.model.classifier.ReluMlpNetwork;
import io.tessera.model.classifier.TesseraModelFormat;
import io.tessera.model.diffusion.DiffusionModel;
import io.tessera.model.diffusion.DiffusionTrainer;
import io.tessera.model.torchscript.TorchScriptDecoder;
import io.tessera.model.torchscript.TorchScriptFiles;
import io.tessera.model.torchscript.TorchScriptNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Opens a model from any Hadoop file system. A directory with a model card is a Tessera MLP or
 * CNN; a {@code .pt} file is TorchScript. A TorchScript {@code nn.Sequential} of Linear/ReLU layers is
 * recognised by its parameters and confirmed by comparing outputs, and then runs as a
 * {@link ReluMlpNetwork} so that its patterns are available.
 */
public final class ModelLoader {
  private static final double PROBE_TOLERANCE = 1e-4;

  private ModelLoader() {}

  public static Network load(String uri, DevicePolicy policy, Configuration hadoopConf) {
    Path local = localCopy(uri, hadoopConf);
    Device device = policy.resolve();
    if (Files.isDirectory(local)) {
      if (!Files.exists(local.resolve(CardJson.FILE_NAME))) {
        throw new ModelException("model directory " + uri + " has no " + CardJson.FILE_NAME + "; is it a Tessera model?");
      }
      return TesseraModelFormat.open(local, device);
    }
    if (local.getFileName().toString().endsWith(TorchScriptFiles.SUFFIX)) {
      return loadTorchScript(uri, local, device);
    }
    throw new ModelException("unrecognised model " + uri + ": expected a Tessera model directory or a TorchScript .pt file");
  }

  /**
   * A DDPM from any Hadoop file system: a directory that Tessera trained ({@link DiffusionTrainer}),
   * or a TorchScript eps-network {@code .pt} with its JSON sidecar (see {@link DiffusionModel}).
   */
  /** A classifier's penultimate features; only Tessera model directories know which layer that is. */
  public static FeatureEncoder loadFeatures(String uri, DevicePolicy policy, Configuration hadoopConf) {
    Path local = localCopy(uri, hadoopConf);
    if (!Files.isDirectory(local) || !Files.exists(local.resolve(CardJson.FILE_NAME))) {
      throw new ModelException("feature model " + uri + " must be a classifier directory written by tessera train (MLP or CNN)");
    }
    return TesseraModelFormat.features(local, policy.resolve());
  }

  public static DiffusionModel loadDiffusion(String uri, DevicePolicy policy, Configuration hadoopConf) {
    Path local = localCopy(uri, hadoopConf);
    if (local.getFileName().toString().endsWith(TorchScriptFiles.SUFFIX)) {
      String name = local.getFileName().toString();
      return DiffusionModel.loadTorchScript(local, name.substring(0, name.length() - TorchScriptFiles.SUFFIX.length()) + "-" + sha256Prefix(local),
          policy.resolve());
    }
    if (!Files.isDirectory(local) || !Files.exists(local.resolve(CardJson.FILE_NAME))) {
      throw new ModelException("diffusion model " + uri + " is neither a model directory with " + CardJson.FILE_NAME
          + " (tessera train-diffusion) nor a TorchScript .pt eps-network");
    }
    return DiffusionModel.load(local, policy.resolve());
  }

  /**
   * A model for latent geometry: a Tessera autoencoder directory (encoder and exact decoder), a
   * Tessera decoder directory, or a float64 TorchScript decoder of latent dimension
   * {@code latentDim} (the last two without an encoder: inputs are codes).
   */
  public static LatentModel loadLatent(String uri, int latentDim, DevicePolicy policy, Configuration hadoopConf) {
    Path local = localCopy(uri, hadoopConf);
    Device device = policy.resolve();
    if (Files.isDirectory(local)) {
      String format = AutoencoderCard.format(local);
      if (AutoencoderCard.DECODER_FORMAT.equals(format)) {
        return new LatentModel(Autoencoder.loadDecoder(local, device), null);
      }
      if (!AutoencoderCard.FORMAT.equals(format)) {
        throw new ModelException("model " + uri + " is neither an autoencoder (" + AutoencoderCard.FORMAT + ") nor a decoder ("
            + AutoencoderCard.DECODER_FORMAT + "); train one with tessera train-autoencoder");
      }
      Autoencoder autoencoder = Autoencoder.load(local, device);
      return new LatentModel(autoencoder.decoder(), autoencoder);
    }
    if (local.getFileName().toString().endsWith(TorchScriptFiles.SUFFIX)) {
      String name = local.getFileName().toString();
      String id = name.substring(0, name.length() - TorchScriptFiles.SUFFIX.length()) + "-" + sha256Prefix(local);
      return new LatentModel(new TorchScriptDecoder(id, uri, TorchScriptFiles.open(local, uri, null, device), latentDim, device), null);
    }
    throw new ModelException("unrecognised model " + uri + ": expected an autoencoder directory or a TorchScript decoder .pt");
  }

  /** Models on remote file systems are copied once into a local directory, where DJL can open them. */
  private static Path localCopy(String uri, Configuration conf) {
    try {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
      FileSystem fs = path.getFileSystem(conf);
      if (!fs.exists(path)) {
        throw new ModelException("model not found: " + uri);
      }
      if ("file".equals(fs.getScheme())) {
        return Path.of(fs.makeQualified(path).toUri());
      }
      Path dir = Files.createTempDirectory("tessera-model-");
      fs.copyToLocalFile(false, path, new org.apache.hadoop.fs.Path(dir.toUri()), true);
      // A TorchScript file's JSON sidecar (input shape, or a diffusion model's schedule) goes along.
      if (path.getName().endsWith(TorchScriptFiles.SUFFIX)) {
        org.apache.hadoop.fs.Path sidecar = new org.apache.hadoop.fs.Path(path.getParent(), TorchScriptFiles.sidecarName(path.getName()));
        if (fs.exists(sidecar)) {
          fs.copyToLocalFile(false, sidecar, new org.apache.hadoop.fs.Path(dir.toUri()), true);
        }
      }
      return dir.resolve(path.getName());
    } catch (IOException e) {
      throw new ModelException("cannot read model " + uri + ": " + e.getMessage(), e);
    }
  }

  private static Network loadTorchScript(String uri, Path file, Device device) {
    String fileName = file.getFileName().toString();
    String name = fileName.substring(0, fileName.length() - TorchScriptFiles.SUFFIX.length());
    String id = name + "-" + sha256Prefix(file);
    // trainParam loads ordinary (not inference-mode) tensors, which autograd needs for Jacobians.
    Model model = TorchScriptFiles.open(file, uri, java.util.Map.of("trainParam", "true"), device);
    MlpWeights linear = linearChain(model);
    if (linear != null) {
      ReluMlpNetwork mlp = new ReluMlpNetwork(id, linear, device);
      TorchScriptNetwork script = new TorchScriptNetwork(id, model, new long[] {linear.inputDim()}, device);
      if (sameOutputs(mlp, script)) {
        script.close();
        return mlp;
      }
      mlp.close();
      return script;
    }
    long[] shape = inputShapeHint(uri, file);
    return new TorchScriptNetwork(id, model, shape, device);
  }

  /** The weights of a chain of Linear layers, or null when the parameters are not such a chain. */
  private static MlpWeights linearChain(Model model) {
    List<double[][]> weights = new ArrayList<>();
    List<double[]> biases = new ArrayList<>();
    for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
      Shape shape = p.getValue().getArray().getShape();
      if (p.getKey().endsWith(".weight") && shape.dimension() == 2) {
        weights.add(MlpBlocks.toMatrix(p.getValue().getArray()));
      } else if (p.getKey().endsWith(".bias") && shape.dimension() == 1 && biases.size() == weights.size() - 1) {
        biases.add(Precision.widen(p.getValue().getArray().toFloatArray()));
      } else {
        return null;
      }
    }
    if (weights.size() < 2 || biases.size() != weights.size()) {
      return null;
    }
    try {
      return new MlpWeights(weights.toArray(double[][][]::new), biases.toArray(double[][]::new));
    } catch (IllegalArgumentException notAChain) {
      return null;
    }
  }

  /** Confirms ReLU between the Linear layers by comparing outputs on seeded random probes. */
  private static boolean sameOutputs(Network a, Network b) {
    int n = 16;
    float[] probe = new float[n * a.inputDim()];
    Random random = new Random(7);
    for (int i = 0; i < probe.length; i++) {
      probe[i] = (float) random.nextGaussian();
    }
    float[] ya = a.forward(probe, n);
    float[] yb = b.forward(probe, n);
    if (ya.length != yb.length) {
      return false;
    }
    for (int i = 0; i < ya.length; i++) {
      if (Math.abs(ya[i] - yb[i]) > PROBE_TOLERANCE * Math.max(1.0, Math.abs(yb[i]))) {
        return false;
      }
    }
    return true;
  }

  /** Opaque modules need their input shape from a sidecar {@code <name>.json}: {"input_shape": [1, 28, 28]}. */
  private static long[] inputShapeHint(String uri, Path file) {
    Path sidecar = file.resolveSibling(TorchScriptFiles.sidecarName(file.getFileName().toString()));
    if (!Files.exists(sidecar)) {
      throw new ModelException(
          "cannot tell the input shape of TorchScript model " + uri + ": it is not a Linear/ReLU nn.Sequential, so add "
              + sidecar.getFileName() + " with {\"input_shape\": [...]} (per sample, without the batch axis)");
    }
    try {
      JsonNode shape = new ObjectMapper().readTree(sidecar.toFile()).get("input_shape");
      if (shape == null || !shape.isArray() || shape.isEmpty()) {
        throw new ModelException(sidecar + ": input_shape must be a non-empty array of sizes");
      }
      long[] dims = new long[shape.size()];
      for (int i = 0; i < dims.length; i++) {
        dims[i] = shape.get(i).asLong();
      }
      return dims;
    } catch (IOException e) {
      throw new ModelException("corrupt model sidecar " + sidecar + ": " + e.getMessage(), e);
    }
  }

  private static String sha256Prefix(Path file) {
    return ModelDigest.sha256(file.toUri().toString(), new org.apache.hadoop.conf.Configuration()).substring(0, 12);
  }
}
