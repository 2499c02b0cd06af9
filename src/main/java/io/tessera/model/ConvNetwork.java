package io.tessera.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;

/**
 * A Tessera-trained CNN ({@link ConvBlocks}). It is piecewise linear like an MLP, but its local
 * maps come from autograd: the masked-product fast path and the polytope jobs need plain dense
 * weights.
 */
final class ConvNetwork extends BlockNetwork {
  ConvNetwork(String id, Model model, int inputDim, Device device) {
    super(id, model, inputDim, device);
    probeOutputDim();
  }

  @Override
  protected NDArray apply(NDArray inputs) {
    return block.forward(new ParameterStore(inputs.getManager(), false), new NDList(inputs), false).singletonOrThrow();
  }
}
