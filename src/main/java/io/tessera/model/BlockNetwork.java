package io.tessera.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.nn.Block;

/**
 * A network that is the block of a loaded DJL model, taking flat rows of a fixed size. Its
 * parameters are frozen: only input gradients are ever wanted, and plain forward passes then
 * build no autograd graph.
 */
public abstract class BlockNetwork extends DjlNetwork {
  private final Model model;
  public final Block block;
  private final int inputDim;
  private int outputDim;

  public BlockNetwork(String id, Model model, int inputDim, Device device) {
    super(id, device);
    this.model = model;
    this.block = model.getBlock();
    this.inputDim = inputDim;
    block.getParameters().forEach(p -> p.getValue().getArray().setRequiresGradient(false));
  }

  /** Reads the output size off one forward pass; subclasses call it once they can run one. */
  protected final void probeOutputDim() {
    outputDim = forward(new float[inputDim], 1).length;
  }

  @Override
  public int inputDim() {
    return inputDim;
  }

  @Override
  public int outputDim() {
    return outputDim;
  }

  @Override
  public void close() {
    model.close();
    super.close();
  }
}
