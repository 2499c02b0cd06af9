package io.tessera.model.diffusion;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.TesseraException;
import io.tessera.math.diffusion.EpsilonModel;
import io.tessera.math.diffusion.NoiseSchedule;
import io.tessera.model.DjlRuntime;
import io.tessera.model.classifier.TesseraModelFormat;
import io.tessera.model.classifier.TrainedBlockNetwork;
import io.tessera.model.torchscript.TorchScriptFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A DDPM's eps-network and schedule, evaluated by DJL in chunks of rows (at most {@link #CHUNK},
 * fewer for a U-Net) per forward pass. Either one Tessera trained ({@link DiffusionTrainer}; an
 * MLP or U-Net on [x_t, embedding of t]) or a user's TorchScript module with the signature
 * {@code forward(x_t: float32[B, d], t: float32[B]) -> float32[B, d]}, t being the step index
 * 1..T, next to a sidecar {@code <name>.json}: {"data_dim": d, "steps": T, "schedule": "scaled-linear"}.
 */
public final class DiffusionModel implements EpsilonModel, AutoCloseable {
  static final int CHUNK = 65_536;

  private final String id;
  private final int dataDim;
  private final NoiseSchedule schedule;
  private final int chunkRows;
  private final Predictor predictor;
  private final AutoCloseable resources;

  /** eps for {@code rows} float rows of x_t at step t. */
  private interface Predictor {
    float[] eps(float[] states, int rows, int t);
  }

  private DiffusionModel(String id, int dataDim, int steps, int chunkRows, Predictor predictor, AutoCloseable resources) {
    this.id = id;
    this.chunkRows = chunkRows;
    this.dataDim = dataDim;
    this.schedule = NoiseSchedule.scaledLinear(steps);
    this.predictor = predictor;
    this.resources = resources;
  }

  /** Opens a model directory written by {@link DiffusionTrainer}. */
  public static DiffusionModel load(Path dir, Device device) {
    DiffusionCard card = DiffusionCard.read(dir);
    int dim = card.dataDim();
    int width = dim + card.timeEmbedding();
    EpsNetwork architecture = card.epsNetwork();
    Model model = TesseraModelFormat.loadParameters(dir, DiffusionTrainer.PARAMS_NAME, architecture.block(dim, card.timeEmbedding()), device);
    TrainedBlockNetwork network = TesseraModelFormat.network(dir, model, card.modelId(), width, dim, device);
    float[][] embeddings = DiffusionTrainer.embeddings(card.steps(), card.timeEmbedding());
    Predictor trained = (states, rows, t) -> {
      float[] inputs = new float[rows * width];
      for (int i = 0; i < rows; i++) {
        System.arraycopy(states, i * dim, inputs, i * width, dim);
        System.arraycopy(embeddings[t], 0, inputs, i * width + dim, card.timeEmbedding());
      }
      return network.forward(inputs, rows);
    };
    return new DiffusionModel(card.modelId(), dim, card.steps(), architecture.chunkRows(), trained, network);
  }

  /** Opens a user's TorchScript eps-network (see the class comment for its signature and sidecar). */
  public static DiffusionModel loadTorchScript(Path file, String id, Device device) {
    String fileName = file.getFileName().toString();
    Path sidecar = file.resolveSibling(TorchScriptFiles.sidecarName(fileName));
    if (!Files.exists(sidecar)) {
      throw new TesseraException("TorchScript eps-network " + file + " needs " + sidecar.getFileName()
          + " with {\"data_dim\": d, \"steps\": T, \"schedule\": \"" + DiffusionCard.SCHEDULE + "\"}");
    }
    int dim;
    int steps;
    try {
      JsonNode json = new ObjectMapper().readTree(Files.readAllBytes(sidecar));
      dim = json.path("data_dim").asInt(0);
      steps = json.path("steps").asInt(0);
      if (dim <= 0 || steps < 2 || !DiffusionCard.SCHEDULE.equals(json.path("schedule").asText())) {
        throw new TesseraException(sidecar + ": data_dim must be positive, steps at least 2 and schedule \"" + DiffusionCard.SCHEDULE + "\"");
      }
    } catch (IOException e) {
      throw new TesseraException("corrupt sidecar " + sidecar + ": " + e.getMessage(), e);
    }
    Model model = TorchScriptFiles.open(file, file.toString(), java.util.Map.of(), device);
    NDManager manager = NDManager.newBaseManager(device, DjlRuntime.ENGINE);
    int d = dim;
    Predictor script = (states, rows, t) -> {
      try (NDManager scope = manager.newSubManager()) {
        NDArray x = scope.create(states, new Shape(rows, d));
        NDArray steps1 = scope.full(new Shape(rows), (float) t);
        NDArray eps = model.getBlock().forward(new ParameterStore(scope, false), new NDList(x, steps1), false).singletonOrThrow();
        if (!eps.getShape().equals(new Shape(rows, d))) {
          throw new TesseraException("TorchScript eps-network " + file + " returned shape " + eps.getShape() + " for x_t of shape " + x.getShape());
        }
        return eps.toFloatArray();
      }
    };
    return new DiffusionModel(id, dim, steps, CHUNK, script, () -> {
      manager.close();
      model.close();
    });
  }

  public NoiseSchedule schedule() {
    return schedule;
  }

  public String id() {
    return id;
  }

  public int dataDim() {
    return dataDim;
  }

  @Override
  public double[] predict(double[] states, int rows, int dim, int t) {
    if (dim != dataDim) {
      throw new TesseraException("model " + id + " takes points of " + dataDim + " values, got " + dim);
    }
    double[] out = new double[rows * dim];
    for (int start = 0; start < rows; start += chunkRows) {
      int n = Math.min(chunkRows, rows - start);
      float[] chunk = new float[n * dim];
      for (int k = 0; k < chunk.length; k++) {
        chunk[k] = (float) states[start * dim + k];
      }
      float[] eps = predictor.eps(chunk, n, t);
      for (int k = 0; k < eps.length; k++) {
        out[start * dim + k] = eps[k];
      }
    }
    return out;
  }

  @Override
  public void close() {
    try {
      resources.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing diffusion model " + id, e);
    }
  }
}
