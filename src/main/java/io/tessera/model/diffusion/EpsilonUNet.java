package io.tessera.model.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.tessera.TesseraException;
import io.tessera.model.ScalarFreeOps;
import io.tessera.model.conv.CheckedConv2d;
import java.util.ArrayList;
import java.util.List;

/**
 * A small convolutional U-Net eps-network for single-channel side x side images. It takes the
 * same flat rows as Tessera's MLP eps-network, [x_t (side^2 values), sinusoidal embedding of t],
 * so training and evaluation treat both alike, and returns side^2 values.
 *
 * <p>Level i works at side / 2^i with {@code channels[i]} channels: a time-conditioned residual
 * block, then a stride-2 3x3 convolution down. A residual block joins the coarsest level to the
 * way up, where each level concatenates its skip, runs a residual block and doubles the side
 * (nearest neighbour, then a 3x3 convolution). The time embedding passes through a two-layer SiLU MLP first.
 */
final class EpsilonUNet extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int side;
  private final int embedding;
  private final List<Integer> channels;
  private final Block timeIn;
  private final Block timeOut;
  private final Block stem;
  private final List<TimeResidualBlock> down = new ArrayList<>();
  private final List<Block> downsample = new ArrayList<>();
  private final TimeResidualBlock middle;
  private final List<TimeResidualBlock> up = new ArrayList<>();
  private final List<Block> upsample = new ArrayList<>();
  private final Block head;

  EpsilonUNet(int side, int embedding, List<Integer> channels) {
    super(VERSION);
    checkShape(side, channels);
    this.side = side;
    this.embedding = embedding;
    this.channels = List.copyOf(channels);
    int levels = channels.size();
    int timeWidth = 4 * channels.get(0);
    timeIn = addChildBlock("time_in", Linear.builder().setUnits(timeWidth).build());
    timeOut = addChildBlock("time_out", Linear.builder().setUnits(timeWidth).build());
    stem = addChildBlock("stem", TimeResidualBlock.conv3(channels.get(0)));
    int previous = channels.get(0);
    for (int i = 0; i < levels; i++) {
      down.add(addChildBlock("down" + i, new TimeResidualBlock(previous, channels.get(i))));
      previous = channels.get(i);
      if (i < levels - 1) {
        downsample.add(addChildBlock("downsample" + i, CheckedConv2d.of(previous, 3, 2, 1)));
      }
    }
    middle = addChildBlock("middle", new TimeResidualBlock(previous, previous));
    for (int i = levels - 1; i >= 0; i--) {
      up.add(addChildBlock("up" + i, new TimeResidualBlock(previous + channels.get(i), channels.get(i))));
      previous = channels.get(i);
      if (i > 0) {
        upsample.add(addChildBlock("upsample" + i, upsample(channels.get(i - 1))));
        previous = channels.get(i - 1);
      }
    }
    head = addChildBlock("head", TimeResidualBlock.conv3(1));
  }

  /**
   * Nearest-neighbour doubling, then a 3x3 convolution (DJL's PyTorch engine has no transposed
   * convolution).
   */
  private static Block upsample(int filters) {
    return new SequentialBlock()
        .add(new LambdaBlock(x -> new NDList(nearest2x(x.singletonOrThrow())), "nearest2x"))
        .add(TimeResidualBlock.conv3(filters));
  }

  /** [B, C, h, w] to [B, C, 2h, 2w], each pixel copied into a 2x2 patch. */
  static NDArray nearest2x(NDArray x) {
    Shape s = x.getShape();
    return x.reshape(s.get(0), s.get(1), s.get(2), 1, s.get(3), 1).broadcast(s.get(0), s.get(1), s.get(2), 2, s.get(3), 2)
        .reshape(s.get(0), s.get(1), 2 * s.get(2), 2 * s.get(3));
  }

  /** Every level but the first halves the side, so the side must divide by 2^(levels - 1). */
  static void checkShape(int side, List<Integer> channels) {
    if (channels.isEmpty() || channels.stream().anyMatch(c -> c <= 0)) {
      throw new TesseraException("U-Net channels must be positive, one per level, got " + channels);
    }
    if (side % (1 << (channels.size() - 1)) != 0) {
      throw new TesseraException(side + "x" + side + " images cannot be halved " + (channels.size() - 1)
          + " times for a U-Net with channels " + channels + "; use fewer levels");
    }
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray flat = inputs.singletonOrThrow();
    long batch = flat.getShape().get(0);
    int pixels = side * side;
    NDList parts = flat.split(new long[] {pixels}, 1);
    NDArray x = parts.get(0).reshape(batch, 1, side, side);
    NDArray e = parts.get(1);
    NDArray temb = timeIn.forward(store, new NDList(e), training).singletonOrThrow();
    temb = timeOut.forward(store, new NDList(ScalarFreeOps.silu(temb)), training).singletonOrThrow();
    NDArray h = stem.forward(store, new NDList(x), training).singletonOrThrow();
    List<NDArray> skips = new ArrayList<>();
    for (int i = 0; i < down.size(); i++) {
      h = down.get(i).forward(store, new NDList(h, temb), training).singletonOrThrow();
      skips.add(h);
      if (i < downsample.size()) {
        h = downsample.get(i).forward(store, new NDList(h), training).singletonOrThrow();
      }
    }
    h = middle.forward(store, new NDList(h, temb), training).singletonOrThrow();
    for (int j = 0; j < up.size(); j++) {
      NDArray joined = NDArrays.concat(new NDList(h, skips.get(skips.size() - 1 - j)), 1);
      h = up.get(j).forward(store, new NDList(joined, temb), training).singletonOrThrow();
      if (j < upsample.size()) {
        h = upsample.get(j).forward(store, new NDList(h), training).singletonOrThrow();
      }
    }
    h = head.forward(store, new NDList(ScalarFreeOps.silu(TimeResidualBlock.normalise(h))), training).singletonOrThrow();
    return new NDList(h.reshape(batch, pixels));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), (long) side * side)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long batch = inputShapes[0].get(0);
    if (inputShapes[0].get(1) != (long) side * side + embedding) {
      throw new TesseraException("the U-Net takes rows of " + (side * side + embedding) + " values, got " + inputShapes[0]);
    }
    int timeWidth = 4 * channels.get(0);
    timeIn.initialize(manager, dataType, new Shape(batch, embedding));
    timeOut.initialize(manager, dataType, new Shape(batch, timeWidth));
    Shape temb = new Shape(batch, timeWidth);
    Shape h = new Shape(batch, 1, side, side);
    h = initialise(stem, manager, dataType, h);
    List<Shape> skips = new ArrayList<>();
    for (int i = 0; i < down.size(); i++) {
      h = initialise(down.get(i), manager, dataType, h, temb);
      skips.add(h);
      if (i < downsample.size()) {
        h = initialise(downsample.get(i), manager, dataType, h);
      }
    }
    h = initialise(middle, manager, dataType, h, temb);
    for (int j = 0; j < up.size(); j++) {
      Shape skip = skips.get(skips.size() - 1 - j);
      h = initialise(up.get(j), manager, dataType, new Shape(batch, h.get(1) + skip.get(1), h.get(2), h.get(3)), temb);
      if (j < upsample.size()) {
        h = initialise(upsample.get(j), manager, dataType, h);
      }
    }
    head.initialize(manager, dataType, h);
  }

  /** Initialises {@code block} for these input shapes and returns its (first) output shape. */
  private static Shape initialise(Block block, NDManager manager, DataType dataType, Shape... shapes) {
    block.initialize(manager, dataType, shapes);
    return block.getOutputShapes(shapes)[0];
  }
}
