package io.tessera.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;

/**
 * A network Tessera trained and saved as a DJL block: a CNN ({@link ConvBlocks}), or a diffusion
 * model's eps-MLP. A CNN is piecewise linear like an MLP, but its local maps come from autograd:
 * the masked-product fast path and the polytope jobs need plain dense weights.
 */
final class TrainedBlockNetwork extends BlockNetwork {
  TrainedBlockNetwork(String id, Model model, int inputDim, Device device) {
    super(id, model, inputDim, device);
    probeOutputDim();
  }

  @Override
  protected NDArray apply(NDArray inputs) {
    return block.forward(new ParameterStore(inputs.getManager(), false), new NDList(inputs), false).singletonOrThrow();
  }
}
