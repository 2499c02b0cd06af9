package io.tessera.model.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.tessera.model.ScalarFreeOps;
import io.tessera.model.conv.CheckedConv2d;

/**
 * A U-Net residual block conditioned on the time step: two 3x3 convolutions, each after a
 * normalisation and SiLU, with a projection of the time features added per channel in between,
 * and a 1x1 convolution on the shortcut when the channel count changes. Inputs: (image
 * features [B, in, h, w], time features [B, e]); output [B, out, h, w].
 */
final class TimeResidualBlock extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int outChannels;
  private final Block first;
  private final Block time;
  private final Block second;
  private final Block shortcut;

  TimeResidualBlock(int inChannels, int outChannels) {
    super(VERSION);
    this.outChannels = outChannels;
    first = addChildBlock("conv1", conv3(outChannels));
    time = addChildBlock("time", Linear.builder().setUnits(outChannels).build());
    second = addChildBlock("conv2", conv3(outChannels));
    shortcut = inChannels == outChannels ? null
        : addChildBlock("shortcut", CheckedConv2d.of(outChannels, 1, 1, 0));
  }

  static CheckedConv2d conv3(int filters) {
    return CheckedConv2d.of(filters, 3, 1, 1);
  }

  /**
   * Per-sample normalisation over channels and pixels (group norm with one group, no affine
   * part): it keeps activations at unit scale at every noise level without batch statistics,
   * which would make an image's eps depend on the rest of its batch.
   */
  static NDArray normalise(NDArray x) {
    int[] pixels = {1};
    NDArray flat = x.reshape(x.getShape().get(0), -1);
    NDArray centred = flat.sub(flat.mean(pixels, true));
    return centred.div(centred.square().mean(pixels, true).add(1e-5f).sqrt()).reshape(x.getShape());
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDArray temb = inputs.get(1);
    NDArray h = first.forward(store, new NDList(ScalarFreeOps.silu(normalise(x))), training).singletonOrThrow();
    NDArray shift = time.forward(store, new NDList(ScalarFreeOps.silu(temb)), training).singletonOrThrow();
    h = h.add(shift.reshape(shift.getShape().get(0), outChannels, 1, 1));
    h = second.forward(store, new NDList(ScalarFreeOps.silu(normalise(h))), training).singletonOrThrow();
    NDArray skip = shortcut == null ? x : shortcut.forward(store, new NDList(x), training).singletonOrThrow();
    return new NDList(h.add(skip));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape x = inputShapes[0];
    return new Shape[] {new Shape(x.get(0), outChannels, x.get(2), x.get(3))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape x = inputShapes[0];
    Shape out = getOutputShapes(inputShapes)[0];
    first.initialize(manager, dataType, x);
    time.initialize(manager, dataType, inputShapes[1]);
    second.initialize(manager, dataType, out);
    if (shortcut != null) {
      shortcut.initialize(manager, dataType, x);
    }
  }
}
