package io.tessera.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import io.tessera.TesseraException;
import io.tessera.math.diffusion.EpsilonModel;
import io.tessera.math.diffusion.NoiseSchedule;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A DDPM that Tessera trained ({@link DiffusionTrainer}): its card, schedule and eps-network,
 * evaluated by DJL in chunks of at most {@link #CHUNK} rows per forward pass.
 */
public final class DiffusionModel implements EpsilonModel, AutoCloseable {
  static final int CHUNK = 65_536;

  private final DiffusionCard card;
  private final NoiseSchedule schedule;
  private final TrainedBlockNetwork network;
  private final float[][] embeddings;

  private DiffusionModel(DiffusionCard card, TrainedBlockNetwork network) {
    this.card = card;
    this.schedule = NoiseSchedule.scaledLinear(card.steps());
    this.network = network;
    this.embeddings = DiffusionTrainer.embeddings(card.steps(), card.timeEmbedding());
  }

  /** Opens a model directory written by {@link DiffusionTrainer}. */
  public static DiffusionModel load(Path dir, Device device) {
    DiffusionCard card = DiffusionCard.read(dir);
    Model model = Model.newInstance(DiffusionTrainer.PARAMS_NAME, device, DjlRuntime.ENGINE);
    try {
      model.setBlock(MlpBlocks.build(card.hidden(), card.dataDim(), x -> new NDList(Activation.swish(x.singletonOrThrow(), 1f))));
      model.load(dir, DiffusionTrainer.PARAMS_NAME);
      TrainedBlockNetwork network = new TrainedBlockNetwork(card.modelId(), model, card.dataDim() + card.timeEmbedding(), device);
      if (network.outputDim() != card.dataDim()) {
        network.close();
        throw new TesseraException("model " + dir + ": the eps-network has " + network.outputDim() + " outputs but the card says " + card.dataDim());
      }
      return new DiffusionModel(card, network);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      if (e instanceof TesseraException te) {
        throw te;
      }
      throw new TesseraException("corrupt model parameters in " + dir + ": " + e.getMessage(), e);
    }
  }

  public DiffusionCard card() {
    return card;
  }

  public NoiseSchedule schedule() {
    return schedule;
  }

  public String id() {
    return card.modelId();
  }

  @Override
  public double[] predict(double[] states, int rows, int dim, int t) {
    if (dim != card.dataDim()) {
      throw new TesseraException("model " + card.modelId() + " takes points of " + card.dataDim() + " values, got " + dim);
    }
    int width = dim + card.timeEmbedding();
    double[] out = new double[rows * dim];
    for (int start = 0; start < rows; start += CHUNK) {
      int n = Math.min(CHUNK, rows - start);
      float[] inputs = new float[n * width];
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < dim; k++) {
          inputs[i * width + k] = (float) states[(start + i) * dim + k];
        }
        System.arraycopy(embeddings[t], 0, inputs, i * width + dim, card.timeEmbedding());
      }
      float[] eps = network.forward(inputs, n);
      for (int k = 0; k < n * dim; k++) {
        out[start * dim + k] = eps[k];
      }
    }
    return out;
  }

  @Override
  public void close() {
    network.close();
  }
}
