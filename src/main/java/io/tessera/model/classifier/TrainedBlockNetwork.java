package io.tessera.model.classifier;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.tessera.model.BlockNetwork;
import java.util.List;

/**
 * A network Tessera trained and saved as a DJL block: a CNN ({@link ConvBlocks}), or a diffusion
 * model's eps-MLP. A CNN is piecewise linear like an MLP, but its local maps come from autograd:
 * the masked-product fast path and the polytope jobs need plain dense weights.
 */
public final class TrainedBlockNetwork extends BlockNetwork {
  TrainedBlockNetwork(String id, Model model, int inputDim, Device device) {
    super(id, model, inputDim, device);
    probeOutputDim();
  }

  /** The activations that feed the output layer (the block's last child) for {@code batch} inputs. */
  float[] penultimate(float[] inputs, int batch) {
    checkLength(inputs, batch);
    try (NDManager scope = manager.newSubManager()) {
      ParameterStore store = new ParameterStore(scope, false);
      NDList h = new NDList(scope.create(inputs, new Shape(batch, inputDim())));
      List<Block> layers = block.getChildren().values();
      for (Block layer : layers.subList(0, layers.size() - 1)) {
        h = layer.forward(store, h, false);
      }
      return h.singletonOrThrow().toFloatArray();
    }
  }

  @Override
  protected NDArray apply(NDArray inputs) {
    return block.forward(new ParameterStore(inputs.getManager(), false), new NDList(inputs), false).singletonOrThrow();
  }
}
